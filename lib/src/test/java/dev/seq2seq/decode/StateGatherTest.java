package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import dev.seq2seq.attention.AttentionMemory;
import dev.seq2seq.attention.MaskedSoftmax;
import dev.seq2seq.nn.LuongDecoder;

import org.junit.jupiter.api.Test;

class StateGatherTest {

    /** Rows 0..3 whose every value is the row number, so gathered rows can be read back. */
    private static LuongDecoder.State state(NDManager manager) {
        NDArray rowIds = manager.arange(4f).reshape(4, 1);
        NDArray memory = rowIds.reshape(4, 1, 1).broadcast(new Shape(4, 3, 2)).duplicate();
        NDArray h = rowIds.reshape(4, 1, 1).broadcast(new Shape(4, 1, 5)).duplicate();
        NDArray feed = rowIds.broadcast(new Shape(4, 2)).duplicate();
        NDArray lengths = manager.create(new long[] {3, 3, 2, 2});
        AttentionMemory prepared =
                new AttentionMemory(
                        memory,
                        memory,
                        lengths,
                        MaskedSoftmax.paddingBias(lengths, 3, DataType.FLOAT32));
        return new LuongDecoder.State(prepared, new NDList(h), feed);
    }

    @Test
    void recurrentGathersStateAndFeedKeepsMemoryAndClosesTheOldArrays() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LuongDecoder.State old = state(manager);
            LuongDecoder.State next =
                    (LuongDecoder.State)
                            StateGather.recurrent(manager, old, new long[] {1, 1, 0, 3});
            assertArrayEquals(
                    new float[] {1, 1, 0, 3}, next.rnnState().get(0).get(":, 0, 0").toFloatArray());
            assertArrayEquals(
                    new float[] {1, 1, 0, 3}, next.attentional().get(":, 0").toFloatArray());
            assertSame(old.memory(), next.memory());
            assertTrue(old.rnnState().get(0).isReleased());
            assertTrue(old.attentional().isReleased());
        }
    }

    @Test
    void allDropsRowsFromEveryArrayIncludingMemoryAndLengths() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LuongDecoder.State old = state(manager);
            LuongDecoder.State next =
                    (LuongDecoder.State) StateGather.all(manager, old, new long[] {2, 3});
            assertArrayEquals(new long[] {2, 3, 2}, next.memory().values().getShape().getShape());
            assertArrayEquals(
                    new float[] {2, 3}, next.memory().values().get(":, 0, 0").toFloatArray());
            assertArrayEquals(new long[] {2, 2}, next.memory().lengths().toLongArray());
            assertArrayEquals(
                    new float[] {0, 0, Float.NEGATIVE_INFINITY},
                    next.memory().paddingBias().get("0, 0, :").toFloatArray());
            assertArrayEquals(
                    new float[] {2, 3}, next.rnnState().get(0).get(":, 0, 0").toFloatArray());
            assertTrue(old.memory().values().isReleased());
            assertTrue(old.rnnState().get(0).isReleased());
        }
    }
}
