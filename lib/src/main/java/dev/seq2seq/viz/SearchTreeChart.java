package dev.seq2seq.viz;

import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.decode.CandidateStatus;
import dev.seq2seq.decode.SearchTree;
import dev.seq2seq.decode.SearchTree.Node;

import org.knowm.xchart.AnnotationText;
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
 * <p>Within a step, nodes are stacked in the order of their parents, then by log-probability, so
 * that branches do not cross.
 */
public final class SearchTreeChart {

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
                        .width(Math.max(600, 150 + 150 * steps))
                        .height(Math.max(300, 80 + 34 * widest))
                        .title(title)
                        .xAxisTitle("output step t")
                        .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(-0.3);
        chart.getStyler().setXAxisMax(steps + 0.9);
        chart.getStyler().setYAxisMin(-widest - 0.5);
        chart.getStyler().setYAxisMax(0.5);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler()
                .setXAxisTickMarkSpacingHint(90); // steps are >= 90 px apart: one tick each
        chart.getStyler().setXAxisDecimalPattern("0");

        Set<Integer> best = new HashSet<>();
        tree.best().ifPresent(b -> tree.path(b.id()).forEach(n -> best.add(n.id())));
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
            }
            chart.addAnnotation(
                    new AnnotationText(label(n, target), n.step() + 0.05, y[n.id()] + 0.28, false));
        }
        for (CandidateStatus status : CandidateStatus.values()) {
            addMarkers(chart, nodes, y, status);
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
        XYSeries markers = chart.addSeries(status.name(), xs, ys);
        markers.setLineStyle(SeriesLines.NONE);
        markers.setMarker(SeriesMarkers.CIRCLE);
        markers.setMarkerColor(colour(status));
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
     * Returns each node's height: nodes of a step are placed at 0, -1, -2, .. in the order of their
     * parents' heights, then by log-probability, best first.
     */
    private static double[] layout(List<Node> nodes) {
        double[] y = new double[nodes.size()];
        int steps = nodes.stream().mapToInt(Node::step).max().orElse(0);
        for (int t = 1; t <= steps; t++) {
            int step = t;
            List<Node> level =
                    new ArrayList<>(nodes.stream().filter(n -> n.step() == step).toList());
            level.sort(
                    Comparator.comparingDouble((Node n) -> -y[n.parent()])
                            .thenComparingDouble(n -> -n.logProbSum()));
            for (int i = 0; i < level.size(); i++) {
                y[level.get(i).id()] = -i;
            }
        }
        return y;
    }
}
