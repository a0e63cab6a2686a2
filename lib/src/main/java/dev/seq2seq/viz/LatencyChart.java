package dev.seq2seq.viz;

import ai.djl.util.Preconditions;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Latency percentiles of a service under load, one bar group per percentile (p50, p95, p99) and one
 * bar per setting (e.g. batching off and on): the figure of a serving benchmark.
 */
public final class LatencyChart {

    /** The percentiles the chart shows, in order. */
    public static final List<String> PERCENTILES = List.of("p50", "p95", "p99");

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    private LatencyChart() {}

    /**
     * Plots each setting's 50th, 95th and 99th percentile latency.
     *
     * @param title the title, e.g. what was measured and with how many clients
     * @param millisBySetting each setting's {p50, p95, p99} in milliseconds, in legend order (the
     *     legend sits below the plot, so it hides no bar)
     * @return the chart, y in milliseconds, each bar labelled with its value
     * @throws IllegalArgumentException if there is no setting or a setting does not have three
     *     finite values
     */
    public static CategoryChart of(String title, Map<String, double[]> millisBySetting) {
        Preconditions.checkArgument(!millisBySetting.isEmpty(), "no setting to plot");
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle("percentile of request latency")
                        .yAxisTitle("latency (ms)")
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("#,##0");
        for (Map.Entry<String, double[]> e : millisBySetting.entrySet()) {
            double[] millis = e.getValue();
            Preconditions.checkArgument(
                    millis.length == PERCENTILES.size()
                            && Arrays.stream(millis).allMatch(Double::isFinite),
                    "setting '"
                            + e.getKey()
                            + "': expected finite {p50, p95, p99}, got "
                            + Arrays.toString(millis));
            chart.addSeries(e.getKey(), PERCENTILES, Arrays.stream(millis).boxed().toList());
        }
        return chart;
    }
}
