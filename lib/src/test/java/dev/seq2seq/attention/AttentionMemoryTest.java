package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class AttentionMemoryTest {

    /** Rows 0..2 whose every value is the row number. */
    private static NDArray rows(NDManager manager, long... shape) {
        long[] full = shape.clone();
        full[0] = 3;
        NDArray ids = manager.arange(3f).reshape(3, 1, 1);
        return ids.broadcast(new Shape(full)).duplicate();
    }

    @Test
    void selectGathersEveryArrayAndKeepsSharedKeysShared() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray values = rows(manager, 3, 4, 2);
            NDArray lengths = manager.create(new long[] {4, 2, 1});
            NDArray bias = MaskedSoftmax.paddingBias(lengths, 4, DataType.FLOAT32);
            AttentionMemory shared = new AttentionMemory(values, values, lengths, bias);
            assertEquals(3, shared.arrays().size(), "shared keys are listed once");
            AttentionMemory picked = shared.select(manager.create(new long[] {2, 2, 0, 1}));
            assertEquals(4, picked.batchSize());
            assertSame(picked.values(), picked.keys());
            assertArrayEquals(
                    new float[] {2, 2, 0, 1}, picked.values().get(":, 0, 0").toFloatArray());
            assertArrayEquals(new long[] {1, 1, 4, 2}, picked.lengths().toLongArray());
            assertEquals(
                    bias.get("1").toFloatArray()[1],
                    picked.paddingBias().get("3").toFloatArray()[1]);
            assertEquals(Float.NEGATIVE_INFINITY, picked.paddingBias().get("0, 0, 1").getFloat());

            AttentionMemory projected =
                    new AttentionMemory(values, rows(manager, 3, 4, 5), lengths, bias);
            assertEquals(4, projected.arrays().size());
            AttentionMemory two = projected.select(manager.create(new long[] {1, 0}));
            assertEquals(new Shape(2, 4, 5), two.keys().getShape());
            assertArrayEquals(new float[] {1, 0}, two.keys().get(":, 0, 0").toFloatArray());
        }
    }
}
