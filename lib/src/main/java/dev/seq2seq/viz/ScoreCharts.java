package dev.seq2seq.viz;

import ai.djl.util.Preconditions;

import dev.seq2seq.eval.PairedBootstrap;

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
 * title. Dots are joined by lines where the categories have an order (lengths, beam sizes); {@link
 * #points} leave them unjoined where they have none (designs, measures), since a line between two
 * unrelated categories suggests a trend that is not there.
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
        return zoomedDots(title, xTitle, yTitle, categories, scores, null, true);
    }

    /**
     * Plots scores as unjoined dots on a y axis zoomed as in {@link #dots}, for categories without
     * an order: models or designs side by side, or different measures of the same models.
     *
     * @param title the title
     * @param xTitle the category axis title, e.g. {@code design}
     * @param yTitle the score's name
     * @param categories the category labels
     * @param scores one score per category, by series name, in legend order
     * @return the chart
     * @throws IllegalArgumentException as {@link #dots}
     */
    public static CategoryChart points(
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, double[]> scores) {
        return zoomedDots(title, xTitle, yTitle, categories, scores, null, false);
    }

    /**
     * Plots scores as unjoined dots with their 95% intervals, as {@link #points} and {@link
     * #dotsWithIntervals}, e.g. the test BLEU of several designs with bootstrap intervals.
     *
     * @param title the title
     * @param xTitle the category axis title
     * @param yTitle the score's name
     * @param categories the category labels
     * @param estimates one estimate per category, by series name, in legend order
     * @return the chart
     * @throws IllegalArgumentException as {@link #dots}
     */
    public static CategoryChart pointsWithIntervals(
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, List<PairedBootstrap.Estimate>> estimates) {
        return withIntervals(title, xTitle, yTitle, categories, estimates, false);
    }

    /**
     * Plots scores as dots joined by lines with their 95% intervals as error bars, on a y axis
     * zoomed to the intervals as in {@link #dots}, e.g. a bootstrap's estimates per bucket.
     *
     * @param title the title
     * @param xTitle the category axis title
     * @param yTitle the score's name
     * @param categories the category labels, in the order the line joins them
     * @param estimates one estimate per category (its score and the half-width of its interval), by
     *     series name, in legend order
     * @return the chart
     * @throws IllegalArgumentException as {@link #dots}
     */
    public static CategoryChart dotsWithIntervals(
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, List<PairedBootstrap.Estimate>> estimates) {
        return withIntervals(title, xTitle, yTitle, categories, estimates, true);
    }

    private static CategoryChart withIntervals(
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, List<PairedBootstrap.Estimate>> estimates,
            boolean joined) {
        Map<String, double[]> scores = new java.util.LinkedHashMap<>();
        Map<String, double[]> errors = new java.util.LinkedHashMap<>();
        estimates.forEach(
                (name, list) -> {
                    scores.put(
                            name,
                            list.stream().mapToDouble(PairedBootstrap.Estimate::score).toArray());
                    errors.put(
                            name,
                            list.stream().mapToDouble(PairedBootstrap.Estimate::ci).toArray());
                });
        return zoomedDots(title, xTitle, yTitle, categories, scores, errors, joined);
    }

    private static CategoryChart zoomedDots(
            String title,
            String xTitle,
            String yTitle,
            List<String> categories,
            Map<String, double[]> scores,
            Map<String, double[]> errors,
            boolean joined) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            double[] error = errors == null ? null : errors.get(e.getKey());
            for (int i = 0; i < e.getValue().length; i++) {
                double v = e.getValue()[i];
                Preconditions.checkArgument(
                        Double.isFinite(v),
                        "series '" + e.getKey() + "' has a score that is not finite: " + v);
                double half = error == null ? 0 : error[i];
                min = Math.min(min, v - half);
                max = Math.max(max, v + half);
            }
        }
        double margin = Math.max(MARGIN * (max - min), 0.05 * Math.max(Math.abs(max), 1e-9));
        double axisMin = niceFloor(min - margin);
        double axisMax = max + margin;
        // an axis that would start in the bottom tenth of its top starts at 0: the data come near
        // it
        boolean zoomed = min > 0 && axisMin > 0.1 * axisMax;
        String axisTitle =
                zoomed
                        ? String.format(Locale.ROOT, "%s (axis from %s)", yTitle, trimmed(axisMin))
                        : yTitle;
        CategoryChart chart =
                chart(
                        title,
                        xTitle,
                        axisTitle,
                        categories,
                        scores,
                        joined
                                ? CategorySeriesRenderStyle.Line
                                : CategorySeriesRenderStyle.Scatter);
        if (errors != null) {
            for (Map.Entry<String, double[]> e : errors.entrySet()) {
                chart.updateCategorySeries(
                        e.getKey(),
                        categories,
                        Arrays.stream(scores.get(e.getKey())).boxed().toList(),
                        Arrays.stream(e.getValue()).boxed().toList());
            }
        }
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
        Preconditions.checkArgument(!scores.isEmpty(), "no series to plot");
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(WIDTH)
                        .height(
                                HEIGHT
                                        + (scores.size() > 1
                                                ? Charts.legendExtraHeight(scores.keySet(), WIDTH)
                                                : 0))
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        Charts.legendBelow(chart.getStyler(), scores.keySet(), WIDTH);
        chart.getStyler().setLegendVisible(scores.size() > 1); // one series: the title names it
        Charts.distinctSeriesColors(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(style);
        int labelChars = categories.stream().mapToInt(String::length).sum() + categories.size();
        if (labelChars > 80) {
            chart.getStyler().setXAxisLabelRotation(30); // long labels would run into each other
        }
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            Preconditions.checkArgument(
                    e.getValue().length == categories.size(),
                    "series '"
                            + e.getKey()
                            + "' has "
                            + e.getValue().length
                            + " scores for "
                            + categories.size()
                            + " categories");
            chart.addSeries(e.getKey(), categories, Arrays.stream(e.getValue()).boxed().toList())
                    .setChartCategorySeriesRenderStyle(style);
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
