package dev.seq2seq.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import dev.seq2seq.FreedMemory;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

class MaskedCrossEntropyLossTest {

    // B = 2, T = 3, V = 3. Row 0 has 2 valid steps, row 1 has 1; the rest is padding (id 0).
    private static final long[] TARGETS = {1, 2, 0, 0, 0, 0};
    private static final long[] LENGTHS = {2, 1};
    private static final float[][] VALID_LOGITS = {{0, 0, 0}, {1, 2, 3}, {2, 0, 0}};
    private static final int[] VALID_TARGETS = {1, 2, 0};

    private static NDArray logits(NDManager manager, float padding) {
        float[] p = {padding, -padding, padding};
        float[] data = new float[18];
        float[][] rows = {VALID_LOGITS[0], VALID_LOGITS[1], p, VALID_LOGITS[2], p, p};
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, 3 * i, 3);
        }
        return manager.create(data, new Shape(2, 3, 3));
    }

    private static NDList labels(NDManager manager) {
        return new NDList(
                manager.create(TARGETS, new Shape(2, 3)), manager.create(LENGTHS, new Shape(2)));
    }

    private static double[] logSoftmax(float[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : x) {
            sum += Math.exp(v - max);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - max - Math.log(sum);
        }
        return out;
    }

    /** The loss by hand: (1 − ε)·NLL + ε·(−mean log p), averaged over the 3 valid tokens. */
    private static double expected(double eps) {
        double total = 0;
        for (int i = 0; i < VALID_TARGETS.length; i++) {
            double[] lp = logSoftmax(VALID_LOGITS[i]);
            double uniform = -(lp[0] + lp[1] + lp[2]) / 3;
            total += (1 - eps) * -lp[VALID_TARGETS[i]] + eps * uniform;
        }
        return total / VALID_TARGETS.length;
    }

    private static float loss(MaskedCrossEntropyLoss loss, NDList labels, NDArray logits) {
        return loss.evaluate(labels, new NDList(logits)).getFloat();
    }

    @Test
    void equalsHandComputedMeanOverValidTokens() {
        // ln 3, ln(1 + e^-1 + e^-2), ln(1 + 2 e^-2): 1.098612, 0.407606, 0.239545
        assertEquals(0.581921, expected(0), 1e-6);
        try (NDManager manager = NDManager.newBaseManager()) {
            MaskedCrossEntropyLoss loss = MaskedCrossEntropyLoss.builder().build();
            NDArray value = loss.evaluate(labels(manager), new NDList(logits(manager, 0)));
            assertEquals(new Shape(), value.getShape());
            assertEquals(expected(0), value.getFloat(), 1e-5);
        }
    }

    @Test
    void paddingLogitsDoNotChangeTheLoss() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MaskedCrossEntropyLoss loss =
                    MaskedCrossEntropyLoss.builder().optLabelSmoothing(0.1f).build();
            float reference = loss(loss, labels(manager), logits(manager, 0));
            for (float padding : new float[] {7, -50, 1e30f, -1e30f}) {
                assertEquals(reference, loss(loss, labels(manager), logits(manager, padding)));
            }
        }
    }

    @Test
    void paddingGetsNoGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = logits(manager, 5);
            logits.setRequiresGradient(true);
            MaskedCrossEntropyLoss loss = MaskedCrossEntropyLoss.builder().build();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(loss.evaluate(labels(manager), new NDList(logits)));
            }
            float[] grad = logits.getGradient().toFloatArray();
            for (int step : new int[] {2, 4, 5}) { // (b, t) = (0, 2), (1, 1), (1, 2)
                for (int v = 0; v < 3; v++) {
                    assertEquals(0f, grad[3 * step + v]);
                }
            }
            assertTrue(Math.abs(grad[0]) > 0.01);
        }
    }

    /**
     * The default loss (ε = 0.1) skipped about one update per epoch: its scalars ε and 1 − ε were
     * Java buffers, freed before the backward read them (see {@link dev.seq2seq.Scalars}).
     */
    @Test
    void labelSmoothedGradientIsExactWhenFreedMemoryIsReusedBeforeTheBackward() {
        float eps = 0.1f;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = logits(manager, 5);
            logits.setRequiresGradient(true);
            MaskedCrossEntropyLoss loss =
                    MaskedCrossEntropyLoss.builder().optLabelSmoothing(eps).build();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.evaluate(labels(manager), new NDList(logits));
                List<ByteBuffer> scribbled = FreedMemory.scribble();
                collector.backward(value);
                assertFalse(scribbled.isEmpty());
            }
            float[] grad = logits.getGradient().toFloatArray();
            int[] validSteps = {0, 1, 3}; // (b, t) = (0, 0), (0, 1), (1, 0)
            for (int i = 0; i < validSteps.length; i++) {
                double[] lp = logSoftmax(VALID_LOGITS[i]);
                for (int v = 0; v < 3; v++) {
                    // d/dz of ((1 − ε)·NLL + ε·uniform) / N: (p − (1 − ε)·1[v = y] − ε/V) / N
                    double target = v == VALID_TARGETS[i] ? 1 - eps : 0;
                    double expected = (Math.exp(lp[v]) - target - eps / 3) / 3;
                    assertEquals(expected, grad[3 * validSteps[i] + v], 1e-6, i + ", " + v);
                }
            }
        }
    }

    @Test
    void zeroLabelSmoothingIsPlainNll() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float plain =
                    loss(
                            MaskedCrossEntropyLoss.builder().build(),
                            labels(manager),
                            logits(manager, 0));
            float zero =
                    loss(
                            MaskedCrossEntropyLoss.builder().optLabelSmoothing(0f).build(),
                            labels(manager),
                            logits(manager, 0));
            assertEquals(plain, zero);
        }
    }

    @Test
    void labelSmoothingMatchesFormula() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (float eps : new float[] {0.1f, 0.5f}) {
                MaskedCrossEntropyLoss loss =
                        MaskedCrossEntropyLoss.builder().optLabelSmoothing(eps).build();
                assertEquals(expected(eps), loss(loss, labels(manager), logits(manager, 3)), 1e-5);
            }
        }
    }

    @Test
    void doesNotMutateInputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList labels = labels(manager);
            NDArray logits = logits(manager, 4);
            float[] before = logits.toFloatArray();
            MaskedCrossEntropyLoss.builder()
                    .optLabelSmoothing(0.2f)
                    .build()
                    .evaluate(labels, new NDList(logits));
            MaskedCrossEntropyLoss.tokenStats(labels, new NDList(logits));
            assertArrayEquals(before, logits.toFloatArray());
            assertArrayEquals(TARGETS, labels.get(0).toLongArray());
            assertArrayEquals(LENGTHS, labels.get(1).toLongArray());
            assertSame(manager, logits.getManager());
            assertSame(manager, labels.get(0).getManager());
        }
    }

    @Test
    void tokenStatsCountOnlyValidTokensAndCorrectArgmaxes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Padding logits (9, -9, 9) put the argmax on id 0, the padding target: not counted.
            TokenStats stats =
                    MaskedCrossEntropyLoss.tokenStats(
                            labels(manager), new NDList(logits(manager, 9)));
            assertEquals(3, stats.tokens());
            assertEquals(2, stats.correct()); // step (0, 0) ties at id 0, target 1: wrong
            assertEquals(3 * expected(0), stats.nllSum(), 1e-5);
            assertEquals(Math.exp(expected(0)), stats.perplexity(), 1e-4);
            assertEquals(2.0 / 3, stats.accuracy(), 1e-12);
            TokenStats twice = TokenStats.ZERO.plus(stats).plus(stats);
            assertEquals(new TokenStats(2 * stats.nllSum(), 6, 4), twice);
        }
    }

    @Test
    void evaluateWithStatsGivesTheLossGradientAndCountsOfTheSeparateCalls() {
        for (float eps : new float[] {0f, 0.1f}) {
            MaskedCrossEntropyLoss loss =
                    MaskedCrossEntropyLoss.builder().optLabelSmoothing(eps).build();
            try (NDManager manager = NDManager.newBaseManager()) {
                NDList labels = labels(manager);
                NDArray separate = logits(manager, 9);
                NDArray fused = logits(manager, 9);
                separate.setRequiresGradient(true);
                fused.setRequiresGradient(true);
                float expectedLoss;
                MaskedCrossEntropyLoss.Evaluation together;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray value = loss.evaluate(labels, new NDList(separate));
                    expectedLoss = value.getFloat();
                    collector.backward(value);
                }
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    together = loss.evaluateWithStats(labels, new NDList(fused));
                    collector.backward(together.loss());
                }
                assertEquals(expectedLoss, together.loss().getFloat(), 0f, "ε = " + eps);
                assertEquals(
                        MaskedCrossEntropyLoss.tokenStats(labels, new NDList(separate)),
                        together.stats());
                assertArrayEquals(
                        separate.getGradient().toFloatArray(),
                        fused.getGradient().toFloatArray(),
                        0f);
            }
        }
    }

    @Test
    void wrongShapesAreRejectedAtTheBoundary() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MaskedCrossEntropyLoss loss = MaskedCrossEntropyLoss.builder().build();
            NDArray wrongT = manager.zeros(new Shape(2, 4, 3));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> loss.evaluate(labels(manager), new NDList(wrongT)));
            assertEquals("logits: expected (B, T, V) = (2, 3, ?), got (2, 4, 3)", e.getMessage());
            NDList three = labels(manager);
            three.add(manager.zeros(new Shape(2)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> loss.evaluate(three, new NDList(logits(manager, 0))));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> MaskedCrossEntropyLoss.builder().optLabelSmoothing(1f).build());
        }
    }
}
