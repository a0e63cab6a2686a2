package dev.seq2seq.viz;

import ai.djl.util.Preconditions;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of the Transformer's ingredients (Vaswani et al. 2017). */
public final class TransformerCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;

    private TransformerCharts() {}

    /**
     * Plots chosen dimensions of a positional encoding against the position: with sinusoids, low
     * dimensions oscillate fast and high ones slowly, so that each position gets a distinct
     * pattern. The legend sits below the plot.
     *
     * @param encoding the encoding (positions, D), row p the vector added at position p
     * @param dimensions the dimensions to draw, each in [0, D)
     * @return the chart
     * @throws IllegalArgumentException if the encoding is empty or a dimension is out of range
     */
    public static XYChart positionalEncoding(float[][] encoding, int... dimensions) {
        Preconditions.checkArgument(
                encoding.length != 0 && encoding[0].length != 0, "empty positional encoding");
        int d = encoding[0].length;
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title("Sinusoidal positional encoding: one curve per dimension")
                        .xAxisTitle("position")
                        .yAxisTitle("value added to the embedding")
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        double[] x = new double[encoding.length];
        for (int p = 0; p < x.length; p++) {
            x[p] = p;
        }
        for (int dim : dimensions) {
            Preconditions.checkArgument(
                    dim >= 0 && dim < d, "dimension " + dim + " is outside [0, " + d + ")");
            double[] y = new double[encoding.length];
            for (int p = 0; p < y.length; p++) {
                y[p] = encoding[p][dim];
            }
            chart.addSeries("dimension " + dim, x, y).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }
}
