package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class KeyValuesTest {

    @Test
    void appendGrowsThePositionsAndSelectGathersRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray k = m.arange(0f, 24f).reshape(2, 2, 3, 2); // (B, h, S, d_k)
            KeyValues past = new KeyValues(k, k.neg());
            KeyValues next =
                    new KeyValues(m.ones(new Shape(2, 2, 1, 2)), m.zeros(new Shape(2, 2, 1, 2)));
            KeyValues all = past.append(next);
            assertEquals(3, past.positions());
            assertEquals(4, all.positions());
            assertArrayEquals(k.toFloatArray(), all.keys().get(":, :, :3").toFloatArray(), 0f);
            assertArrayEquals(new float[] {1, 1, 1, 1}, all.keys().get("1, :, 3").toFloatArray());
            KeyValues picked = all.select(m.create(new long[] {1, 1, 0}));
            assertEquals(new Shape(3, 2, 4, 2), picked.values().getShape());
            assertArrayEquals(
                    all.values().get("1").toFloatArray(), picked.values().get("0").toFloatArray());
        }
    }
}
