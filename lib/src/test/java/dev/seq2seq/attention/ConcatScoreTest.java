package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.Random;

class ConcatScoreTest {

    @Test
    void concatEqualsAdditiveWithWSplitIntoQueryAndKeyParts() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Shape queryShape = new Shape(2, 3, 4);
            Shape keyShape = new Shape(2, 5, 6);
            ConcatScore concat = ConcatScore.builder().setAttentionSize(7).build();
            concat.initialize(manager, DataType.FLOAT64, queryShape, keyShape);
            AdditiveScore additive = AdditiveScore.builder().setAttentionSize(7).build();
            additive.initialize(manager, DataType.FLOAT64, queryShape, keyShape);
            NDArray w = TestArrays.parameter(concat, "w_weight"); // (A, Hq + Hk)
            assertEquals(new Shape(7, 10), w.getShape());
            TestArrays.parameter(additive, "wq_weight").set(w.get(":, :4").toDoubleArray());
            TestArrays.parameter(additive, "wk_weight").set(w.get(":, 4:").toDoubleArray());
            TestArrays.parameter(additive, "v_weight")
                    .set(TestArrays.parameter(concat, "v_weight").toDoubleArray());
            Random random = new Random(4);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 3, 4);
            NDArray keys = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 5, 6);
            NDArray expected = DotScoreTest.forward(additive, manager, query, keys);
            NDArray actual = DotScoreTest.forward(concat, manager, query, keys);
            assertEquals(new Shape(2, 3, 5), actual.getShape());
            assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 1e-12);
            // and one entry by hand: v . tanh(W [q; k]) for b = 1, t = 2, s = 3
            NDArray pair = query.get(new NDIndex("1, 2")).concat(keys.get(new NDIndex("1, 3")));
            NDArray v = TestArrays.parameter(concat, "v_weight").squeeze(0);
            double byHand = v.dot(w.matMul(pair).tanh()).getDouble();
            assertEquals(byHand, actual.get(new NDIndex("1, 2, 3")).getDouble(), 1e-12);
        }
    }

    @Test
    void builderNamesMissingAttentionSize() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ConcatScore.builder().build());
        assertEquals("ConcatScore needs setAttentionSize(A) with A >= 1, got 0", e.getMessage());
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradientCheck.assertScoreGradients(ConcatScore.builder().setAttentionSize(3).build(), 4, 5);
    }
}
