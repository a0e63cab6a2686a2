package dev.seq2seq.viz;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * An attention heatmap: source tokens along the x axis, output tokens down the y axis, and the
 * weight {@code α_tj} of output step t on source position j as colour (white 0, dark 1), as in the
 * alignment figures of Bahdanau et al. (2015).
 *
 * <p>Cells widen to fit their source labels (up to 96 pixels, beyond which the labels are turned
 * upright), and the chart widens to fit its title up to 1,200 pixels, beyond which the title is cut
 * with {@code …}. XChart centres the title over the plot, not over the chart, and the colour legend
 * of a short chart stands beside the title, so the title is fitted to the plot's width. So every
 * token a projector shows is readable.
 */
public final class AttentionHeatmap {

    /** The side of a cell, in pixels, when its label fits. */
    private static final int CELL = 44;

    /** The widest a cell grows to fit its label; longer source labels are turned upright. */
    private static final int MAX_CELL = 96;

    private static final int LABEL_GAP = 10;

    /** Left of the plot, besides the output labels: the y axis title and paddings. */
    private static final int AXIS = 40;

    /** Right of the plot: the colour legend and paddings. */
    private static final int LEGEND = 110;

    private static final int TITLE_MARGIN = 40;
    private static final int MIN_WIDTH = 360;
    private static final int MAX_WIDTH = 1200;
    private static final int MIN_HEIGHT = 240;

    private AttentionHeatmap() {}

    /**
     * Builds the heatmap.
     *
     * @param sourceTokens the S source tokens (including {@code <eos>} if the model saw it)
     * @param outputTokens the T output tokens (including {@code <eos>} if the model emitted it)
     * @param weights the (T, S) attention weights, each row summing to 1
     * @param title the chart title, e.g. the source sentence
     * @return the chart
     * @throws IllegalArgumentException if the weight matrix is not T x S
     */
    public static HeatMapChart of(
            List<String> sourceTokens, List<String> outputTokens, float[][] weights, String title) {
        return of(sourceTokens, outputTokens, weights, title, "source", "output");
    }

    /**
     * Builds the heatmap with the caller's axis titles, e.g. {@code key position} and {@code query
     * position} for self-attention, where both axes are the same sentence.
     *
     * @param keyTokens the S tokens attended to (x axis)
     * @param queryTokens the T tokens attending (y axis)
     * @param weights the (T, S) weights, each in [0, 1]
     * @param title the chart title
     * @param keyAxis the x axis title
     * @param queryAxis the y axis title
     * @return the chart
     * @throws IllegalArgumentException if the weight matrix is not T x S
     */
    public static HeatMapChart of(
            List<String> keyTokens,
            List<String> queryTokens,
            float[][] weights,
            String title,
            String keyAxis,
            String queryAxis) {
        List<String> sourceTokens = keyTokens;
        List<String> outputTokens = queryTokens;
        int t = outputTokens.size();
        int s = sourceTokens.size();
        if (weights.length != t || (t > 0 && weights[0].length != s)) {
            throw new IllegalArgumentException(
                    "attention weights must be (T, S) = ("
                            + t
                            + ", "
                            + s
                            + "), got ("
                            + weights.length
                            + ", "
                            + (weights.length == 0 ? 0 : weights[0].length)
                            + ")");
        }
        List<String> ys = new ArrayList<>();
        for (int i = t - 1; i >= 0; i--) {
            ys.add(distinct(outputTokens.get(i), ys));
        }
        List<String> xs = new ArrayList<>();
        for (int j = 0; j < s; j++) {
            xs.add(distinct(sourceTokens.get(j), xs));
        }
        // the default theme's fonts, from a chart that is only measured, never drawn
        HeatMapStyler style = new HeatMapChartBuilder().width(1).height(1).build().getStyler();
        Font tickFont = style.getAxisTickLabelsFont();
        int widestKey = TextWidths.widest(xs, tickFont);
        boolean rotate = widestKey + LABEL_GAP > MAX_CELL;
        int cellWidth = rotate ? CELL : Math.max(CELL, widestKey + LABEL_GAP);
        int plotWidth = cellWidth * s;
        int fixed = TextWidths.widest(ys, tickFont) + AXIS + LEGEND;
        // XChart centres the title over the plot, not the chart, and a short chart's legend stands
        // beside the title: so the title must fit the plot's width
        int titleWidth = TextWidths.of(title, style.getChartTitleFont()) + TITLE_MARGIN;
        // the colour bar has no title of its own: the x axis title says what the shade is
        String xTitle = keyAxis + "  (shade: " + SHADE + ")";
        int xTitleWidth = TextWidths.of(xTitle, style.getAxisTitleFont()) + TITLE_MARGIN;
        int width =
                Math.max(
                        MIN_WIDTH,
                        Math.min(
                                MAX_WIDTH,
                                fixed + Math.max(plotWidth, Math.max(titleWidth, xTitleWidth))));
        int height = Math.max(MIN_HEIGHT, 110 + CELL * t + (rotate ? widestKey : 0));
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(width)
                        .height(height)
                        .title(
                                TextWidths.fitted(
                                        title,
                                        style.getChartTitleFont(),
                                        width - fixed - TITLE_MARGIN))
                        .xAxisTitle(xTitle)
                        .yAxisTitle(queryAxis)
                        .build();
        if (rotate) {
            chart.getStyler().setXAxisLabelRotation(90);
        }
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(8, 48, 107)});
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(true);
        // the colour bar's two labels say what the colour is: the weight, of which each row sums to
        // 1
        chart.getStyler()
                .setHeatMapDecimalValueFormatter(
                        v -> String.format(java.util.Locale.ROOT, "weight %.1f", v));
        List<Number[]> heat = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < s; j++) {
                heat.add(new Number[] {j, t - 1 - i, weights[i][j]});
            }
        }
        chart.addSeries("attention", xs, ys, heat);
        return chart;
    }

    /** What the colour of a cell is, named in the x axis title. */
    static final String SHADE = "attention weight, 0 to 1";

    /** Axis labels must be distinct; a repeated token gets invisible padding. */
    private static String distinct(String token, List<String> seen) {
        String label = token;
        while (seen.contains(label)) {
            label = label + "\u200B";
        }
        return label;
    }
}
