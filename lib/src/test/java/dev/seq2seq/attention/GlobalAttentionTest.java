package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Random;

class GlobalAttentionTest {

    static GlobalAttention attention(ScoreType type) {
        return GlobalAttention.builder()
                .setScore(AttentionScore.create(type, AttentionFixture.ATTENTION_SIZE))
                .build();
    }

    @ParameterizedTest
    @EnumSource(ScoreType.class)
    void weightsSumToOneOverValidPositionsAndAreExactlyZeroAtPadding(ScoreType type) {
        AttentionFixture.assertWeightsIgnorePadding(attention(type));
    }

    @ParameterizedTest
    @EnumSource(ScoreType.class)
    void garbageInPaddedMemoryChangesNothing(ScoreType type) {
        AttentionFixture.assertPaddingInvariance(attention(type));
    }

    @Test
    void weightsAreTheMaskedSoftmaxOfDotScores() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // one query (1, 0) against memory (2, 0), (0, 1), (9, 9) of which 2 are valid
            NDArray query = manager.create(new double[] {1, 0}, new Shape(1, 1, 2));
            NDArray memory = manager.create(new double[] {2, 0, 0, 1, 9, 9}, new Shape(1, 3, 2));
            NDList out =
                    attention(ScoreType.DOT)
                            .forward(
                                    new ParameterStore(manager, false),
                                    new NDList(query, memory, manager.create(new long[] {2})),
                                    false);
            double e2 = Math.exp(2);
            double[] weights = {e2 / (e2 + 1), 1 / (e2 + 1), 0};
            assertArrayEquals(weights, out.get(1).toDoubleArray(), 1e-12);
            assertArrayEquals(
                    new double[] {2 * weights[0], weights[1]}, out.get(0).toDoubleArray(), 1e-12);
        }
    }

    @Test
    void stepGivesTheForwardOfOneQueryStepWithoutTheTAxis() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GlobalAttention attention = attention(ScoreType.ADDITIVE);
            AttentionFixture.initialize(manager, attention, 5);
            Random random = new Random(12);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 4);
            NDArray memory = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 5, 4);
            NDArray lengths = manager.create(AttentionFixture.LENGTHS);
            ParameterStore store = new ParameterStore(manager, false);
            NDList step = attention.step(store, query, memory, lengths, false);
            assertEquals(new Shape(3, 4), step.get(0).getShape());
            assertEquals(new Shape(3, 5), step.get(1).getShape());
            NDList full =
                    attention.forward(
                            store, new NDList(query.expandDims(1), memory, lengths), false);
            assertArrayEquals(full.get(1).toDoubleArray(), step.get(1).toDoubleArray(), 0);
            assertArrayEquals(full.get(0).toDoubleArray(), step.get(0).toDoubleArray(), 0);
        }
    }

    @ParameterizedTest
    @EnumSource(ScoreType.class)
    void attendingToAPreparedMemoryEqualsTheForward(ScoreType type) {
        try (NDManager manager = NDManager.newBaseManager()) {
            GlobalAttention attention = attention(type);
            AttentionFixture.initialize(manager, attention, 5);
            Random random = new Random(5);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 2, 4);
            NDArray memory = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 5, 4);
            NDArray lengths = manager.create(AttentionFixture.LENGTHS);
            ParameterStore store = new ParameterStore(manager, false);
            AttentionMemory prepared = attention.prepare(store, memory, lengths, false);
            long k = type == ScoreType.ADDITIVE ? AttentionFixture.ATTENTION_SIZE : 4;
            assertEquals(new Shape(3, 5, k), prepared.keys().getShape());
            assertEquals(type != ScoreType.ADDITIVE, prepared.keys() == prepared.values());
            assertEquals(new Shape(3, 1, 5), prepared.paddingBias().getShape());
            NDList attended = attention.attend(store, query, prepared, false);
            NDList full = attention.forward(store, new NDList(query, memory, lengths), false);
            assertArrayEquals(full.get(0).toDoubleArray(), attended.get(0).toDoubleArray(), 0);
            assertArrayEquals(full.get(1).toDoubleArray(), attended.get(1).toDoubleArray(), 0);
        }
    }

    @Test
    void aPreparedMemoryOfTheWrongShapeNamesExpectedAndActual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GlobalAttention attention = attention(ScoreType.ADDITIVE);
            AttentionFixture.initialize(manager, attention, 5);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray memory = manager.zeros(new Shape(3, 5, 4), DataType.FLOAT64);
            NDArray lengths = manager.create(AttentionFixture.LENGTHS);
            AttentionMemory prepared = attention.prepare(store, memory, lengths, false);
            IllegalArgumentException rows =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    attention.attend(
                                            store,
                                            manager.zeros(new Shape(2, 1, 4), DataType.FLOAT64),
                                            prepared,
                                            false));
            assertEquals(
                    "query: expected (B, T, Hq) = (3, ?, ?), got (2, 1, 4)", rows.getMessage());
            IllegalArgumentException keys =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    attention.prepare(
                                            store,
                                            manager.zeros(new Shape(3, 5, 7), DataType.FLOAT64),
                                            lengths,
                                            false));
            assertEquals(
                    "AdditiveScore: expected keys of size Hk = 4 as initialized, got 7",
                    keys.getMessage());
            IllegalArgumentException tooLong =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    attention.prepare(
                                            store,
                                            memory,
                                            manager.create(new long[] {6, 1, 1}),
                                            false));
            assertEquals(
                    "lengths: expected each in [1, S] = [1, 5], got [1, 6]", tooLong.getMessage());
        }
    }

    @Test
    void wrongInputShapesNameExpectedAndActual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GlobalAttention attention = attention(ScoreType.DOT);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray lengths = manager.create(new long[] {5, 2, 3});
            NDArray memory = manager.zeros(new Shape(3, 5, 4));
            IllegalArgumentException query =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    attention.forward(
                                            store,
                                            new NDList(
                                                    manager.zeros(new Shape(3, 4)),
                                                    memory,
                                                    lengths),
                                            false));
            assertEquals("query: expected (B, T, Hq) = (?, ?, ?), got (3, 4)", query.getMessage());
            IllegalArgumentException batch =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    attention.forward(
                                            store,
                                            new NDList(
                                                    manager.zeros(new Shape(2, 1, 4)),
                                                    memory,
                                                    lengths),
                                            false));
            assertEquals(
                    "memory: expected (B, S, Hk) = (2, ?, ?), got (3, 5, 4)", batch.getMessage());
            IllegalArgumentException length =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    attention.step(
                                            store,
                                            manager.zeros(new Shape(3, 4)),
                                            memory,
                                            manager.create(new long[] {5, 2}),
                                            false));
            assertEquals("memoryLengths: expected (B) = (3), got (2)", length.getMessage());
        }
    }

    @Test
    void outputShapesAreContextBTHkAndWeightsBTS() {
        Shape[] out =
                attention(ScoreType.DOT)
                        .getOutputShapes(
                                new Shape[] {new Shape(3, 2, 4), new Shape(3, 7, 6), new Shape(3)});
        assertEquals(new Shape(3, 2, 6), out[0]);
        assertEquals(new Shape(3, 2, 7), out[1]);
    }

    @Test
    void builderNeedsAScore() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> GlobalAttention.builder().build());
        assertEquals("GlobalAttention needs setScore(score)", e.getMessage());
        AttentionScore score = DotScore.builder().build();
        assertSame(score, GlobalAttention.builder().setScore(score).build().getScore());
    }

    @Test
    void gradientThroughAttentionMatchesFiniteDifferences() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GlobalAttention attention = attention(ScoreType.ADDITIVE);
            AttentionFixture.initialize(manager, attention, 5);
            Random random = new Random(13);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 2, 4);
            NDArray memory = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 5, 4);
            NDArray r = TestArrays.normal(manager, random, DataType.FLOAT64, 3, 2, 4);
            GradientCheck.assertMatches(
                    () ->
                            AttentionFixture.forward(manager, attention, query, memory)
                                    .head()
                                    .mul(r)
                                    .sum(),
                    List.of("query", "memory"),
                    List.of(query, memory));
        }
    }
}
