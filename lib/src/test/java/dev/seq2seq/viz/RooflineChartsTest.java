package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.perf.FlopCount;
import dev.seq2seq.perf.MatMulRate;
import dev.seq2seq.perf.MatrixProduct;
import dev.seq2seq.perf.ModelFlops;
import dev.seq2seq.perf.Roofline;
import dev.seq2seq.train.TrainingStep.Phase;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class RooflineChartsTest {

    private static final BatchShape BATCH = new BatchShape(8, 10, 9, 60, 50);

    private static Roofline roofline(Seq2SeqConfig config, boolean split) {
        Map<Phase, Double> phases = new EnumMap<>(Phase.class);
        phases.put(Phase.FORWARD, 0.3);
        phases.put(Phase.BACKWARD, 0.5);
        phases.put(Phase.CLIP, 0.01);
        phases.put(Phase.UPDATE, 0.02);
        Map<ForwardListener.Part, Double> parts = new EnumMap<>(ForwardListener.Part.class);
        if (split) {
            parts.put(ForwardListener.Part.ENCODER, 0.05);
            parts.put(ForwardListener.Part.DECODER, 0.15);
            parts.put(ForwardListener.Part.OUTPUT_PROJECTION, 0.06);
            parts.put(ForwardListener.Part.LOSS, 0.04);
        }
        MatrixProduct square = MatrixProduct.square(64);
        return new Roofline(
                FlopCount.of(config, BATCH),
                phases,
                new MatMulRate(square, 10, square.flops() * 10 / 1e11),
                List.of(),
                parts);
    }

    private static Map<String, Roofline> two(boolean split) {
        Seq2SeqConfig.Builder base = Seq2SeqConfig.builder().setVocabularySizes(300, 200);
        Map<String, Roofline> rooflines = new LinkedHashMap<>();
        rooflines.put("Bahdanau", roofline(base.optHiddenSize(32).build(), split));
        rooflines.put(
                "Transformer",
                roofline(
                        base.optArchitecture(Architecture.TRANSFORMER)
                                .optModelSize(32)
                                .optHeads(2)
                                .optFeedForwardSize(64)
                                .build(),
                        split));
        return rooflines;
    }

    private static double stackOf(CategoryChart chart, int bar) {
        double sum = 0;
        for (CategorySeries s : chart.getSeriesMap().values()) {
            List<?> values = new java.util.ArrayList<>(s.getYData());
            sum += ((Number) values.get(bar)).doubleValue();
        }
        return sum;
    }

    @Test
    void flopBarsStackEveryCountedBlockToTheModelsTotalPerToken() {
        Map<String, Roofline> rooflines = two(true);
        CategoryChart chart = RooflineCharts.flopsPerToken("FLOPs", rooflines);
        int bar = 0;
        for (Roofline r : rooflines.values()) {
            ModelFlops f = r.flops();
            double shown = 0;
            for (ModelFlops.Block block : ModelFlops.Block.values()) {
                double mflop = f.perTargetToken(f.block(block).total()) / 1e6;
                if (chart.getSeriesMap().containsKey(block.label())) {
                    shown += mflop;
                } else {
                    assertTrue(mflop < 0.01, block + " left out with " + mflop + " MFLOP");
                }
            }
            assertTrue(shown > 0.99 * f.perTargetToken(f.total()) / 1e6, "most FLOPs shown");
            assertEquals(shown, stackOf(chart, bar++), 1e-9);
        }
        assertTrue(chart.getSeriesMap().containsKey("output projection"));
        assertTrue(chart.getSeriesMap().containsKey("feed forward"), "a Transformer block");
        assertTrue(chart.getSeriesMap().containsKey("decoder cell"), "a recurrent block");
        assertTrue(!chart.getSeriesMap().containsKey("embedding"), "negligible: left out");
        BufferedImage image = Charts.toImage(chart);
        assertEquals(chart.getWidth(), image.getWidth());
    }

    @Test
    void timeBarsStackEveryPhaseToTheStepTimePerToken() {
        for (boolean split : new boolean[] {true, false}) {
            Map<String, Roofline> rooflines = two(split);
            CategoryChart chart = RooflineCharts.timePerToken("time", rooflines);
            int bar = 0;
            for (Roofline r : rooflines.values()) {
                // split, the parts (0.30 s in all) stand for the forward phase (0.30 s)
                double expected = 1e6 * r.stepSeconds() / r.flops().targetTokens();
                assertEquals(expected, stackOf(chart, bar++), 1e-6 * expected);
            }
            assertEquals(split ? 7 : 4, chart.getSeriesMap().size());
            assertTrue(chart.getSeriesMap().containsKey("clipping"));
        }
        Map<String, Roofline> mixed = two(true);
        mixed.put("unsplit", two(false).get("Bahdanau"));
        assertThrows(IllegalArgumentException.class, () -> RooflineCharts.timePerToken("t", mixed));
    }
}
