package dev.seq2seq.viz;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;
import java.util.Map;

/**
 * Charts of training and evaluation: loss curves, scores by source length, and gradient norm
 * against distance.
 */
public final class TrainingCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;

    private TrainingCharts() {}

    /**
     * Plots curves against the epoch, e.g. train and valid loss of one or more models.
     *
     * @param title the title
     * @param yTitle the y axis title, e.g. {@code loss (nats per token)}
     * @param curves the values per epoch (epoch 1 first), by series name, in legend order
     * @return the chart
     * @throws IllegalArgumentException if there is no curve or a curve is empty
     */
    public static XYChart curves(String title, String yTitle, Map<String, double[]> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curve to plot");
        }
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle("epoch")
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] y = e.getValue();
            if (y.length == 0) {
                throw new IllegalArgumentException("curve '" + e.getKey() + "' is empty");
            }
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * One curve of {@link #curves(String, String, String, Map)}: y against x, point by point.
     *
     * @param x the x values, e.g. minutes of training at the end of each epoch
     * @param y the y values, one per x value
     */
    public record Curve(double[] x, double[] y) {

        /**
         * Checks the curve.
         *
         * @throws IllegalArgumentException if it is empty or x and y differ in length
         */
        public Curve {
            if (x.length == 0 || x.length != y.length) {
                throw new IllegalArgumentException(
                        "a curve needs as many y as x values, at least one: got "
                                + x.length
                                + " x and "
                                + y.length
                                + " y");
            }
        }
    }

    /**
     * Plots curves against a quantity the caller names, e.g. the validation loss of models whose
     * epochs take different times against the minutes they trained. The legend sits below the plot,
     * where it cannot hide a curve.
     *
     * @param title the title
     * @param xTitle the x axis title, e.g. {@code training time (min)}
     * @param yTitle the y axis title, e.g. {@code validation loss (nats per unit)}
     * @param curves the curves by series name, in legend order
     * @return the chart
     * @throws IllegalArgumentException if there is no curve
     */
    public static XYChart curves(
            String title, String xTitle, String yTitle, Map<String, Curve> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curve to plot");
        }
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT + 40)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        for (Map.Entry<String, Curve> e : curves.entrySet()) {
            chart.addSeries(e.getKey(), e.getValue().x(), e.getValue().y())
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * Plots a score (BLEU, exact match) by source-length bucket, one bar series per model: the
     * Bahdanau et al. (2015) figure.
     *
     * @param title the title
     * @param yTitle the score's name, e.g. {@code BLEU}
     * @param buckets the bucket labels, e.g. {@code 1-3}, {@code 4-5}
     * @param scores the score per bucket, by model name, in legend order
     * @return the chart
     * @throws IllegalArgumentException if a series does not have one score per bucket
     */
    public static CategoryChart byLength(
            String title, String yTitle, List<String> buckets, Map<String, double[]> scores) {
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle("source length (tokens)")
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            if (e.getValue().length != buckets.size()) {
                throw new IllegalArgumentException(
                        "series '"
                                + e.getKey()
                                + "' has "
                                + e.getValue().length
                                + " scores for "
                                + buckets.size()
                                + " buckets");
            }
            chart.addSeries(
                    e.getKey(), buckets, java.util.Arrays.stream(e.getValue()).boxed().toList());
        }
        return chart;
    }

    /**
     * Plots gradient norms {@code ||∂L/∂h_t||} against the distance {@code T - t} between step t
     * and the loss, on a log y axis: vanishing gradients fall as straight lines.
     *
     * @param norms the norms by distance (index 0 = distance 0), by cell name
     * @return the chart
     * @throws IllegalArgumentException if a norm is not positive (a log axis cannot show it)
     */
    public static XYChart gradientNorms(Map<String, double[]> norms) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title("Gradient norm against distance from the loss")
                        .xAxisTitle("distance T - t (steps)")
                        .yAxisTitle("||dL/dh_t||")
                        .build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (Map.Entry<String, double[]> e : norms.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                if (!(y[i] > 0)) {
                    throw new IllegalArgumentException(
                            "norm "
                                    + y[i]
                                    + " of '"
                                    + e.getKey()
                                    + "' at distance "
                                    + i
                                    + " is not positive");
                }
                x[i] = i;
            }
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }
}
