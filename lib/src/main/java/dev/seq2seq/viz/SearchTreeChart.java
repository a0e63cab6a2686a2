package dev.seq2seq.viz;

import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.decode.CandidateStatus;
import dev.seq2seq.decode.SearchTree;
import dev.seq2seq.decode.SearchTree.Node;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws a beam {@link SearchTree}: output steps from left to right, each node labelled with its
 * token and the cumulative log-probability {@code log P(y_1..y_t | x)} of its prefix. Live
 * hypotheses are blue, finished ones ({@code <eos>}) green, pruned ones grey, and the path of the
 * returned translation red.
 *
 * <p>Within a step, nodes are ranked by log-probability, best at the top; labels sit on white so
 * that the edges that cross between ranks never cross a label. A legend below the plot names the
 * colours.
 */
public final class SearchTreeChart {

    private static final int STEP_WIDTH = 170;
    private static final int ROW_HEIGHT = 46;

    private static final Color LIVE = new Color(31, 119, 180);
    private static final Color FINISHED = new Color(44, 160, 44);
    private static final Color PRUNED = new Color(170, 170, 170);
    private static final Color BEST = new Color(214, 39, 40);

    private SearchTreeChart() {}

    /**
     * Builds the chart.
     *
     * @param tree the recorded search of one sentence
     * @param target the target vocabulary, to name the tokens
     * @param title the chart title, e.g. the source sentence
     * @return the chart
     */
    public static XYChart of(SearchTree tree, Vocabulary target, String title) {
        List<Node> nodes = tree.nodes();
        double[] y = layout(nodes);
        int steps = nodes.stream().mapToInt(Node::step).max().orElse(0);
        int widest = 1;
        for (int t = 0; t <= steps; t++) {
            int step = t;
            widest = Math.max(widest, (int) nodes.stream().filter(n -> n.step() == step).count());
        }
        XYChart chart =
                new XYChartBuilder()
                        .width(Math.max(600, 140 + STEP_WIDTH * steps))
                        .height(170 + ROW_HEIGHT * widest)
                        .title(title)
                        .xAxisTitle("output step")
                        .build();
        Charts.legendBelow(
                chart.getStyler(),
                List.of(
                        "returned translation",
                        name(CandidateStatus.LIVE),
                        name(CandidateStatus.FINISHED),
                        name(CandidateStatus.PRUNED)),
                chart.getWidth());
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(-0.3);
        chart.getStyler().setXAxisMax(steps + 0.75); // room for the last column's labels
        chart.getStyler().setYAxisMin(-widest + 0.3); // room for the step labels
        chart.getStyler().setYAxisMax(0.6);
        chart.getStyler().setAnnotationTextPanelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAnnotationTextPanelBackgroundColor(Color.WHITE);
        chart.getStyler().setAnnotationTextPanelBorderColor(Color.WHITE);
        chart.getStyler().setAnnotationTextPanelPadding(2);
        // the steps are labelled under each column instead of by axis ticks, which would also
        // number the space before the first step and after the last
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        for (int t = 0; t <= steps; t++) {
            chart.addAnnotation(new AnnotationText("t = " + t, t, -widest + 0.55, false));
        }

        Set<Integer> best = new HashSet<>();
        tree.best().ifPresent(b -> tree.path(b.id()).forEach(n -> best.add(n.id())));
        boolean bestInLegend = false;
        for (Node n : nodes) {
            if (n.parent() >= 0) {
                Node p = nodes.get(n.parent());
                XYSeries edge =
                        chart.addSeries(
                                "edge " + n.id(),
                                new double[] {p.step(), n.step()},
                                new double[] {y[p.id()], y[n.id()]});
                edge.setMarker(SeriesMarkers.NONE);
                boolean onBest = best.contains(n.id());
                edge.setLineColor(onBest ? BEST : colour(n.status()));
                edge.setLineStyle(
                        n.status() == CandidateStatus.PRUNED
                                ? SeriesLines.DASH_DASH
                                : new BasicStroke(onBest ? 3f : 1.5f));
                edge.setShowInLegend(onBest && !bestInLegend);
                if (onBest && !bestInLegend) {
                    edge.setLabel("returned translation");
                    bestInLegend = true;
                }
            }
        }
        for (CandidateStatus status : CandidateStatus.values()) {
            addMarkers(chart, nodes, y, status);
        }
        for (Node n : nodes) { // drawn after the edges, on white, so that no edge crosses a label
            chart.addAnnotation(
                    new AnnotationTextPanel(
                            label(n, target), n.step() + 0.04, y[n.id()] + 0.08, false));
        }
        return chart;
    }

    private static void addMarkers(
            XYChart chart, List<Node> nodes, double[] y, CandidateStatus status) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Node n : nodes) {
            if (n.status() == status) {
                xs.add((double) n.step());
                ys.add(y[n.id()]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries markers = chart.addSeries(name(status), xs, ys);
        markers.setLineStyle(SeriesLines.NONE);
        markers.setMarker(SeriesMarkers.CIRCLE);
        markers.setMarkerColor(colour(status));
    }

    private static String name(CandidateStatus status) {
        return switch (status) {
            case LIVE -> "live hypothesis";
            case FINISHED -> "finished (<eos>)";
            case CUT -> "finished (length limit)";
            case PRUNED -> "pruned (not in the top K)";
        };
    }

    private static Color colour(CandidateStatus status) {
        return switch (status) {
            case LIVE -> LIVE;
            case FINISHED, CUT -> FINISHED;
            case PRUNED -> PRUNED;
        };
    }

    private static String label(Node n, Vocabulary target) {
        if (n.parent() < 0) {
            return Vocabulary.BOS;
        }
        return String.format(Locale.ROOT, "%s %.2f", target.token(n.token()), n.logProbSum());
    }

    /**
     * Returns each node's height: the nodes of a step are placed at 0, -1, -2, .. by the
     * log-probability of their prefix, best at the top, so that a column reads as a ranking.
     */
    static double[] layout(List<Node> nodes) {
        double[] y = new double[nodes.size()];
        int steps = nodes.stream().mapToInt(Node::step).max().orElse(0);
        for (int t = 1; t <= steps; t++) {
            int step = t;
            List<Node> level =
                    new ArrayList<>(nodes.stream().filter(n -> n.step() == step).toList());
            level.sort(Comparator.comparingDouble((Node n) -> -n.logProbSum()));
            for (int i = 0; i < level.size(); i++) {
                y[level.get(i).id()] = -i;
            }
        }
        return y;
    }
}
