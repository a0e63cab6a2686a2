package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.TrainingStep.Phase;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

class RooflineTest {

    static final Seq2SeqConfig CONFIG =
            Seq2SeqConfig.builder().setVocabularySizes(300, 200).optHiddenSize(32).build();

    static ModelFlops twoSteps() {
        ModelFlops one = FlopCount.of(CONFIG, new BatchShape(8, 10, 9, 60, 50));
        return one.plus(FlopCount.of(CONFIG, new BatchShape(8, 12, 11, 80, 70)));
    }

    static Map<Phase, Double> seconds(double forward, double backward) {
        Map<Phase, Double> map = new EnumMap<>(Phase.class);
        map.put(Phase.FORWARD, forward);
        map.put(Phase.BACKWARD, backward);
        map.put(Phase.CLIP, 0.01);
        map.put(Phase.UPDATE, 0.02);
        return map;
    }

    static MatMulRate rate(MatrixProduct product, double gflops) {
        return new MatMulRate(product, 10, product.flops() * 10 / (gflops * 1e9));
    }

    static Roofline roofline() {
        return new Roofline(
                twoSteps(),
                seconds(0.3, 0.5),
                rate(MatrixProduct.square(2048), 150),
                List.of(rate(new MatrixProduct("output projection", 80, 32, 200), 60)));
    }

    @Test
    void achievedRateIsCountedFlopsOverTheWholeStepTime() {
        Roofline roofline = roofline();
        ModelFlops flops = twoSteps();
        assertEquals(2, roofline.steps());
        assertEquals(0.83, roofline.stepSeconds(), 1e-12);
        assertEquals(flops.total() / 0.83 / 1e9, roofline.achievedGflops(), 1e-12);
        assertEquals(roofline.achievedGflops() / 150, roofline.ratio(), 1e-9);
        assertEquals(flops.forward() / 0.3 / 1e9, roofline.phaseGflops(Phase.FORWARD), 1e-12);
        assertEquals(flops.backward() / 0.5 / 1e9, roofline.phaseGflops(Phase.BACKWARD), 1e-12);
        assertEquals(0, roofline.phaseGflops(Phase.UPDATE));
        // the parts add up: forward and backward FLOPs over their times, weighted by time
        double weighted =
                (roofline.phaseGflops(Phase.FORWARD) * 0.3
                                + roofline.phaseGflops(Phase.BACKWARD) * 0.5)
                        / 0.83;
        assertEquals(roofline.achievedGflops(), weighted, 1e-9);
    }

    @Test
    void incompleteMeasurementsAreRejected() {
        MatMulRate peak = rate(MatrixProduct.square(64), 10);
        Map<Phase, Double> missing = seconds(0.3, 0.5);
        missing.remove(Phase.CLIP);
        assertThrows(
                IllegalArgumentException.class,
                () -> new Roofline(twoSteps(), missing, peak, List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Roofline(ModelFlops.ZERO, seconds(0.3, 0.5), peak, List.of()));
        Map<Phase, Double> none = seconds(0, 0);
        none.put(Phase.CLIP, 0.0);
        none.put(Phase.UPDATE, 0.0);
        assertThrows(
                IllegalArgumentException.class,
                () -> new Roofline(twoSteps(), none, peak, List.of()));
    }

    static Map<ForwardListener.Part, Double> parts() {
        Map<ForwardListener.Part, Double> parts = new EnumMap<>(ForwardListener.Part.class);
        parts.put(ForwardListener.Part.ENCODER, 0.05);
        parts.put(ForwardListener.Part.DECODER, 0.15);
        parts.put(ForwardListener.Part.OUTPUT_PROJECTION, 0.06);
        parts.put(ForwardListener.Part.LOSS, 0.04);
        return parts;
    }

    @Test
    void theOutputProjectionsRateIsItsForwardFlopsOverItsPartOfTheForward() {
        ModelFlops flops = twoSteps();
        Roofline roofline =
                new Roofline(
                        flops,
                        seconds(0.3, 0.5),
                        rate(MatrixProduct.square(2048), 150),
                        List.of(),
                        parts());
        double expected = flops.block(ModelFlops.Block.OUTPUT_PROJECTION).forward() / 0.06 / 1e9;
        assertEquals(expected, roofline.outputProjectionGflops(), 1e-9);
        assertTrue(Double.isNaN(roofline().outputProjectionGflops()), "not split");
    }

    @Test
    void anIncompleteForwardSplitIsRejected() {
        Map<ForwardListener.Part, Double> missing = parts();
        missing.remove(ForwardListener.Part.LOSS);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new Roofline(
                                        twoSteps(),
                                        seconds(0.3, 0.5),
                                        rate(MatrixProduct.square(64), 10),
                                        List.of(),
                                        missing));
        assertEquals("forward part LOSS needs a time >= 0 s, got null", e.getMessage());
    }
}
