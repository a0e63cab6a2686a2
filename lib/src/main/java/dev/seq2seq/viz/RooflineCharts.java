package dev.seq2seq.viz;

import ai.djl.util.Preconditions;

import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.perf.ModelFlops;
import dev.seq2seq.perf.Roofline;
import dev.seq2seq.train.TrainingStep.Phase;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Charts of {@link Roofline}s, one stacked bar per model: where a model's arithmetic is (FLOPs per
 * target token by block) and where its time goes (time per target token by phase, the forward phase
 * split into its parts). Per target token, so that models trained on different units or batch
 * shapes compare.
 */
public final class RooflineCharts {

    private static final int WIDTH = 820;
    private static final int HEIGHT = 460;

    /** A block below this many MFLOP per target token in every model is left out (embeddings). */
    private static final double NEGLIGIBLE_MFLOP = 0.01;

    private RooflineCharts() {}

    /**
     * Plots each model's counted FLOPs per target token (forward and backward), stacked by block,
     * the output projection at the bottom of every bar; blocks no model has are left out, and so
     * are the embeddings (a lookup forward, a few adds backward: under 0.01 MFLOP per token).
     *
     * @param title the title
     * @param rooflines the models' rooflines, by name, in bar order
     * @return the chart
     * @throws IllegalArgumentException if there is no roofline
     */
    public static CategoryChart flopsPerToken(String title, Map<String, Roofline> rooflines) {
        List<String> models = models(rooflines);
        Map<String, double[]> blocks = new LinkedHashMap<>();
        for (ModelFlops.Block block : blockOrder()) {
            double[] values = new double[models.size()];
            boolean any = false;
            for (int i = 0; i < models.size(); i++) {
                ModelFlops flops = rooflines.get(models.get(i)).flops();
                values[i] = flops.perTargetToken(flops.block(block).total()) / 1e6;
                any |= values[i] >= NEGLIGIBLE_MFLOP;
            }
            if (any) {
                blocks.put(block.label(), values);
            }
        }
        return stacked(title, "MFLOP per target token", models, blocks);
    }

    /**
     * The blocks in stacking order: the output projection first, at the bottom of every bar, so
     * that it can be compared between models whatever other blocks they have.
     */
    private static List<ModelFlops.Block> blockOrder() {
        List<ModelFlops.Block> order = new java.util.ArrayList<>();
        order.add(ModelFlops.Block.OUTPUT_PROJECTION);
        for (ModelFlops.Block block : ModelFlops.Block.values()) {
            if (block != ModelFlops.Block.OUTPUT_PROJECTION) {
                order.add(block);
            }
        }
        return order;
    }

    /**
     * Plots each model's time per target token, stacked by phase: the forward phase's parts
     * (encoder, decoder, output projection, loss) when measured, else the forward phase whole, then
     * backward, clipping and the update.
     *
     * @param title the title
     * @param rooflines the models' rooflines, by name, in bar order
     * @return the chart
     * @throws IllegalArgumentException if there is no roofline, or some have the forward split and
     *     others not
     */
    public static CategoryChart timePerToken(String title, Map<String, Roofline> rooflines) {
        List<String> models = models(rooflines);
        boolean split = !rooflines.get(models.get(0)).forwardSeconds().isEmpty();
        for (Roofline r : rooflines.values()) {
            Preconditions.checkArgument(
                    r.forwardSeconds().isEmpty() != split,
                    "either every roofline splits the forward phase or none does");
        }
        Map<String, double[]> parts = new LinkedHashMap<>();
        if (split) {
            for (ForwardListener.Part part : ForwardListener.Part.values()) {
                parts.put(
                        "forward: " + label(part.name()),
                        perToken(models, rooflines, r -> r.forwardSeconds().get(part)));
            }
        } else {
            parts.put(
                    "forward",
                    perToken(models, rooflines, r -> r.phaseSeconds().get(Phase.FORWARD)));
        }
        for (Phase phase : List.of(Phase.BACKWARD, Phase.CLIP, Phase.UPDATE)) {
            parts.put(
                    label(phase.name()),
                    perToken(models, rooflines, r -> r.phaseSeconds().get(phase)));
        }
        return stacked(title, "microseconds per target token", models, parts);
    }

    private static double[] perToken(
            List<String> models,
            Map<String, Roofline> rooflines,
            ToDoubleFunction<Roofline> seconds) {
        double[] values = new double[models.size()];
        for (int i = 0; i < models.size(); i++) {
            Roofline r = rooflines.get(models.get(i));
            values[i] = 1e6 * seconds.applyAsDouble(r) / r.flops().targetTokens();
        }
        return values;
    }

    private static List<String> models(Map<String, Roofline> rooflines) {
        Preconditions.checkArgument(!rooflines.isEmpty(), "no roofline to plot");
        return new ArrayList<>(rooflines.keySet());
    }

    private static String label(String name) {
        String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.equals("clip") ? "clipping" : words;
    }

    private static CategoryChart stacked(
            String title, String yTitle, List<String> models, Map<String, double[]> series) {
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE); // beside the stack
        Charts.distinctSeriesColors(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setOverlapped(false);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (double v : e.getValue()) {
                values.add(v);
            }
            chart.addSeries(e.getKey(), models, values);
        }
        return chart;
    }
}
