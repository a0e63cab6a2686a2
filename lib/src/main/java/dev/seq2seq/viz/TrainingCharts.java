package dev.seq2seq.viz;

import ai.djl.util.Preconditions;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Map;

/**
 * Charts of training: loss curves against the epoch or against a quantity the caller names, and
 * gradient norm against distance. Legends sit below the plot, where they cannot hide the last
 * epochs; {@link ScoreCharts} compares scores.
 */
public final class TrainingCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;
    private static final int MAX_MARKED_POINTS = 30;

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
        XYChart chart = emptyChart(title, "epoch", yTitle, curves.keySet());
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] y = e.getValue();
            Preconditions.checkArgument(y.length != 0, "curve '" + e.getKey() + "' is empty");
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
            Preconditions.checkArgument(
                    x.length != 0 && x.length == y.length,
                    "a curve needs as many y as x values, at least one: got "
                            + x.length
                            + " x and "
                            + y.length
                            + " y");
        }
    }

    /**
     * Plots curves against a quantity the caller names, e.g. the validation loss of models whose
     * epochs take different times against the minutes they trained, or a schedule against the
     * training step. Each point is marked when a curve has at most 30; a denser curve is a line.
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
        XYChart chart = emptyChart(title, xTitle, yTitle, curves.keySet());
        for (Map.Entry<String, Curve> e : curves.entrySet()) {
            Curve curve = e.getValue();
            chart.addSeries(e.getKey(), curve.x(), curve.y())
                    .setMarker(
                            curve.x().length <= MAX_MARKED_POINTS
                                    ? SeriesMarkers.CIRCLE
                                    : SeriesMarkers.NONE);
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
                        .height(HEIGHT + Charts.legendExtraHeight(norms.keySet(), WIDTH))
                        .title("Gradient norm against distance from the loss")
                        .xAxisTitle("distance T - t (steps)")
                        .yAxisTitle("||dL/dh_t||")
                        .build();
        chart.getStyler().setYAxisLogarithmic(true);
        Charts.legendBelow(chart.getStyler(), norms.keySet(), WIDTH);
        Charts.distinctSeriesColors(chart.getStyler());
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

    /** A chart with the legend below it, sized for these series, and distinct colours. */
    private static XYChart emptyChart(
            String title, String xTitle, String yTitle, java.util.Set<String> series) {
        Preconditions.checkArgument(!series.isEmpty(), "no curve to plot");
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT + Charts.legendExtraHeight(series, WIDTH))
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        Charts.legendBelow(chart.getStyler(), series, WIDTH);
        Charts.distinctSeriesColors(chart.getStyler());
        return chart;
    }
}
