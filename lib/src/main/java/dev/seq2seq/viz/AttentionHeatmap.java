package dev.seq2seq.viz;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * An attention heatmap: source tokens along the x axis, output tokens down the y axis, and the
 * weight {@code α_tj} of output step t on source position j as colour (white 0, dark 1), as in the
 * alignment figures of Bahdanau et al. (2015).
 */
public final class AttentionHeatmap {

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
        int cell = 44;
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(Math.max(360, 140 + cell * s))
                        .height(Math.max(240, 110 + cell * t))
                        .title(title)
                        .xAxisTitle(keyAxis)
                        .yAxisTitle(queryAxis)
                        .build();
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(8, 48, 107)});
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(true);
        List<String> ys = new ArrayList<>();
        for (int i = t - 1; i >= 0; i--) {
            ys.add(numbered(i, outputTokens.get(i), ys));
        }
        List<String> xs = new ArrayList<>();
        for (int j = 0; j < s; j++) {
            xs.add(numbered(j, sourceTokens.get(j), xs));
        }
        List<Number[]> heat = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < s; j++) {
                heat.add(new Number[] {j, t - 1 - i, weights[i][j]});
            }
        }
        chart.addSeries("attention", xs, ys, heat);
        return chart;
    }

    /** Axis labels must be distinct; a repeated token gets invisible padding. */
    private static String numbered(int index, String token, List<String> seen) {
        String label = token;
        while (seen.contains(label)) {
            label = label + "\u200B";
        }
        return label;
    }
}
