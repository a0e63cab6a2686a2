package dev.seq2seq.viz;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts that compare scores (BLEU, chrF, exact match, sentences per second) across categories, one
 * series per model or measure: source-length buckets, beam sizes, numbers of references. Every axis
 * title comes from the caller, and the legend sits below the plot, where it cannot hide a bar.
 *
 * <p>{@link #bars} start at 0, so they show sizes; {@link #dots} zoom the y axis to the data, so
 * they show differences of a point or two that bars from 0 would hide, and say so in the y axis
 * title.
 */
public final class ScoreCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;

    /** Space above and below the data on a zoomed axis, as a fraction of the data's range. */
    private static final double MARGIN = 0.15;

    private ScoreCharts() {}

    /**
     * Plots scores as grouped bars from 0, e.g. BLEU by source-length bucket as in Bahdanau et al.
     * (2015), Figure 2.
     *
     * @param title the title
     * @param xTitle the category axis title, e.g. {@code source length (words)}
     * @param yTitle the score's name, e.g. {@code BLEU}
     * @param categories the category labels, e.g. {@code 1-3}, {@code 4-5}
     * @param scores one score per category, by series name, in legend order
     * @return the chart
     * @throws IllegalArgumentException if there is no series or a series does not have one score
     *     per category
     */
    public static CategoryChart bars(
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, double[]> scores) {
        return chart(title, xTitle, yTitle, categories, scores, CategorySeriesRenderStyle.Bar);
    }

    /**
     * Plots scores as dots joined by lines, on a y axis zoomed to the data: the axis does not start
     * at 0 unless the data come near it, and then the y axis title says where it starts (e.g.
     * {@code BLEU (axis from 42)}), so that a reader does not take a 3-point gap for a large one.
     *
     * @param title the title
     * @param xTitle the category axis title, e.g. {@code beam size K}
     * @param yTitle the score's name, e.g. {@code BLEU}
     * @param categories the category labels, in the order the line joins them
     * @param scores one score per category, by series name, in legend order
     * @return the chart
     * @throws IllegalArgumentException as {@link #bars}, or if a score is not finite
     */
    public static CategoryChart dots(
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, double[]> scores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            for (double v : e.getValue()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(
                            "series '" + e.getKey() + "' has a score that is not finite: " + v);
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double margin = Math.max(MARGIN * (max - min), 0.05 * Math.max(Math.abs(max), 1e-9));
        double axisMin = niceFloor(min - margin);
        double axisMax = max + margin;
        boolean zoomed = min > 0 && axisMin > 0;
        String axisTitle =
                zoomed
                        ? String.format(Locale.ROOT, "%s (axis from %s)", yTitle, trimmed(axisMin))
                        : yTitle;
        CategoryChart chart =
                chart(title, xTitle, axisTitle, categories, scores, CategorySeriesRenderStyle.Line);
        chart.getStyler().setYAxisMin(zoomed || min < 0 ? axisMin : 0);
        chart.getStyler().setYAxisMax(axisMax);
        chart.getSeriesMap().values().forEach(s -> s.setMarker(SeriesMarkers.CIRCLE));
        chart.getStyler().setMarkerSize(10);
        return chart;
    }

    private static CategoryChart chart(
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, double[]> scores,
            CategorySeriesRenderStyle style) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no series to plot");
        }
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT + Charts.legendExtraHeight(scores.keySet(), WIDTH))
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        Charts.legendBelow(chart.getStyler(), scores.keySet(), WIDTH);
        Charts.distinctSeriesColors(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(style);
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            if (e.getValue().length != categories.size()) {
                throw new IllegalArgumentException(
                        "series '"
                                + e.getKey()
                                + "' has "
                                + e.getValue().length
                                + " scores for "
                                + categories.size()
                                + " categories");
            }
            chart.addSeries(e.getKey(), categories, Arrays.stream(e.getValue()).boxed().toList());
        }
        return chart;
    }

    /** Rounds down to a round number: a multiple of 1, 5 or 10 depending on the size. */
    private static double niceFloor(double v) {
        double step = Math.abs(v) >= 50 ? 10 : Math.abs(v) >= 10 ? 5 : Math.abs(v) >= 1 ? 1 : 0.1;
        return Math.floor(v / step) * step;
    }

    private static String trimmed(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
