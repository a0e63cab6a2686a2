package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import dev.seq2seq.FreedMemory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

class LocalAttentionTest {

    static LocalAttention attention(ScoreType type, int halfWidth) {
        return LocalAttention.builder()
                .setScore(AttentionScore.create(type, AttentionFixture.ATTENTION_SIZE))
                .optHalfWidth(halfWidth)
                .build();
    }

    @ParameterizedTest
    @EnumSource(ScoreType.class)
    void weightsSumToOneOverValidPositionsAndAreExactlyZeroAtPadding(ScoreType type) {
        AttentionFixture.assertWeightsIgnorePadding(attention(type, 1));
        AttentionFixture.assertWeightsIgnorePadding(attention(type, 10));
    }

    @ParameterizedTest
    @EnumSource(ScoreType.class)
    void garbageInPaddedMemoryChangesNothing(ScoreType type) {
        AttentionFixture.assertPaddingInvariance(attention(type, 2));
    }

    /**
     * A local-p model skipped updates: the Gaussian's 1/(2σ²) was a Java buffer, freed before the
     * backward read it (see {@link dev.seq2seq.Scalars}); the scaled-dot and cosine scores divided
     * by a Java scalar the same way.
     */
    @ParameterizedTest
    @EnumSource(ScoreType.class)
    void gradientIsUnchangedWhenFreedMemoryIsReusedBeforeTheBackward(ScoreType type) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LocalAttention attention = attention(type, 2);
            Engine.getInstance().setRandomSeed(7);
            attention.initialize(
                    manager,
                    DataType.FLOAT32,
                    new Shape(2, 4, 6),
                    new Shape(2, 9, 6),
                    new Shape(2));
            Random random = new Random(17);
            float[] q =
                    TestArrays.normal(manager, random, DataType.FLOAT32, 2, 4, 6).toFloatArray();
            float[] m =
                    TestArrays.normal(manager, random, DataType.FLOAT32, 2, 9, 6).toFloatArray();
            NDArray lengths = manager.create(new long[] {9, 5});
            float[] clean = queryGradient(manager, attention, q, m, lengths, false);
            float[] scribbled = queryGradient(manager, attention, q, m, lengths, true);
            for (float g : clean) {
                assertTrue(Float.isFinite(g), "clean gradient " + g);
            }
            assertArrayEquals(clean, scribbled);
        }
    }

    private static float[] queryGradient(
            NDManager manager,
            LocalAttention attention,
            float[] q,
            float[] m,
            NDArray lengths,
            boolean scribble) {
        NDArray query = manager.create(q, new Shape(2, 4, 6));
        NDArray memory = manager.create(m, new Shape(2, 9, 6));
        query.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            ParameterStore store = new ParameterStore(manager, false);
            NDArray context =
                    attention.forward(store, new NDList(query, memory, lengths), true).get(0);
            List<ByteBuffer> scribbled = scribble ? FreedMemory.scribble() : List.of();
            collector.backward(context.square().sum());
            assertTrue(scribble != scribbled.isEmpty());
        }
        return query.getGradient().toFloatArray();
    }

    @Test
    void weightsAreZeroOutsideTheWindowAroundTheValidPredictedPosition() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LocalAttention attention = attention(ScoreType.DOT, 1);
            Engine.getInstance().setRandomSeed(5);
            attention.initialize(
                    manager,
                    DataType.FLOAT64,
                    new Shape(2, 4, 3),
                    new Shape(2, 12, 3),
                    new Shape(2));
            Random random = new Random(15);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 4, 3).mul(3);
            NDArray memory = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 12, 3);
            long[] lengths = {12, 7};
            NDArray lengthArray = manager.create(lengths);
            ParameterStore store = new ParameterStore(manager, false);
            double[] p = attention.positions(store, query, lengthArray, false).toDoubleArray();
            double[] w =
                    attention
                            .forward(store, new NDList(query, memory, lengthArray), false)
                            .get(1)
                            .toDoubleArray();
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 4; t++) {
                    double center = p[b * 4 + t];
                    assertTrue(center >= 0 && center <= lengths[b] - 1, "p_t = " + center);
                    for (int s = 0; s < 12; s++) {
                        double weight = w[(b * 4 + t) * 12 + s];
                        boolean inside = Math.abs(s - center) <= 1 && s < lengths[b];
                        assertTrue(inside ? weight > 0 : weight == 0.0, s + ": " + weight);
                    }
                }
            }
            TestArrays.assertWeightsIgnorePadding(
                    attention.forward(store, new NDList(query, memory, lengthArray), false).get(1),
                    lengths,
                    1e-12);
        }
    }

    @Test
    void weightsAreTheWindowSoftmaxOfScoreMinusGaussianPenalty() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // D = 2, sigma = 1; v_p = 0 gives sigmoid(0) = 1/2, so p_t = (L_b - 1) / 2
            LocalAttention attention = attention(ScoreType.DOT, 2);
            attention.initialize(
                    manager,
                    DataType.FLOAT64,
                    new Shape(3, 1, 2),
                    new Shape(3, 6, 2),
                    new Shape(3));
            TestArrays.parameter(attention, "positionVector").set(new double[2]);
            NDArray query = manager.create(new double[] {1, 0, 0, 1, 1, 1}, new Shape(3, 1, 2));
            double[] m = new double[3 * 6 * 2];
            for (int i = 0; i < m.length; i++) {
                m[i] = (i % 7) / 3.0 - 1;
            }
            NDArray memory = manager.create(m, new Shape(3, 6, 2));
            long[] lengths = {6, 2, 1}; // p = 2.5, 0.5, 0
            NDList out =
                    attention.forward(
                            new ParameterStore(manager, false),
                            new NDList(query, memory, manager.create(lengths)),
                            false);
            double[] q = query.toDoubleArray();
            double[] expected = new double[3 * 6];
            for (int b = 0; b < 3; b++) {
                double p = (lengths[b] - 1) / 2.0;
                double total = 0;
                for (int s = 0; s < lengths[b]; s++) {
                    if (Math.abs(s - p) <= 2) {
                        double score =
                                q[2 * b] * m[12 * b + 2 * s] + q[2 * b + 1] * m[12 * b + 2 * s + 1];
                        expected[6 * b + s] = Math.exp(score - (s - p) * (s - p) / 2);
                        total += expected[6 * b + s];
                    }
                }
                for (int s = 0; s < 6; s++) {
                    expected[6 * b + s] /= total;
                }
            }
            assertEquals(0.0, expected[0]); // s = 0 lies 2.5 > D from p = 2.5
            assertEquals(1.0, expected[12]); // a sentence of length 1 attends to its only word
            assertArrayEquals(expected, out.get(1).toDoubleArray(), 1e-12);
        }
    }

    @Test
    void gradientThroughPredictedPositionMatchesFiniteDifferences() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LocalAttention attention = attention(ScoreType.GENERAL, 2);
            AttentionFixture.initialize(manager, attention, 5);
            Random random = new Random(17);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 2, 4);
            NDArray memory = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 5, 4);
            NDArray r = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 2, 4);
            NDArray positionVector = TestArrays.parameter(attention, "positionVector");
            GradientCheck.assertMatches(
                    () ->
                            AttentionFixture.forward(manager, attention, query, memory)
                                    .head()
                                    .mul(r)
                                    .sum(),
                    List.of("query", "positionWeight", "positionVector", "score_weight"),
                    List.of(
                            query,
                            TestArrays.parameter(attention, "positionWeight"),
                            positionVector,
                            TestArrays.parameter(attention, "score_weight")));
            assertTrue(positionVector.getGradient().abs().max().getDouble() > 1e-6);
        }
    }

    @Test
    void positionSizeSetsTheShapeOfWp() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LocalAttention attention =
                    LocalAttention.builder()
                            .setScore(DotScore.builder().build())
                            .optPositionSize(7)
                            .build();
            AttentionFixture.initialize(manager, attention, 5);
            assertEquals(
                    new Shape(7, 4), TestArrays.parameter(attention, "positionWeight").getShape());
            assertEquals(
                    new Shape(1, 7), TestArrays.parameter(attention, "positionVector").getShape());
            assertEquals(10, attention(ScoreType.DOT, 10).halfWidth());
        }
    }

    @Test
    void queryOfAnotherSizeThanInitializedIsRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LocalAttention attention = attention(ScoreType.DOT, 2);
            AttentionFixture.initialize(manager, attention, 5);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    AttentionFixture.forward(
                                            manager,
                                            attention,
                                            manager.zeros(new Shape(3, 2, 6)),
                                            manager.zeros(new Shape(3, 5, 6))));
            assertEquals("query: expected (B, T, Hq) = (?, ?, 4), got (3, 2, 6)", e.getMessage());
        }
    }

    @Test
    void builderNamesTheWrongValue() {
        LocalAttention.Builder builder = LocalAttention.builder();
        assertEquals(
                "LocalAttention needs setScore(score)",
                assertThrows(IllegalArgumentException.class, builder::build).getMessage());
        builder.setScore(DotScore.builder().build());
        assertEquals(
                "LocalAttention needs optHalfWidth(W) with W >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> builder.optHalfWidth(0).build())
                        .getMessage());
        builder.optHalfWidth(3);
        assertEquals(
                "LocalAttention needs optPositionSize(A) with A >= 1, got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> builder.optPositionSize(0).build())
                        .getMessage());
    }
}
