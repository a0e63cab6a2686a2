package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class DecoderStateTest {

    @Test
    void selectReordersAndRepeatsEveryArrayAlongTheBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            DecoderState state =
                    new DecoderState(
                            m.arange(12f).reshape(3, 2, 2),
                            m.create(new long[] {2, 1, 2}),
                            new NDList(m.arange(6f).reshape(3, 1, 2)),
                            m.arange(3f).reshape(3, 1));
            DecoderState picked = state.select(m.create(new long[] {2, 2, 0}));
            assertEquals(new Shape(3, 2, 2), picked.memory().getShape());
            assertArrayEquals(new long[] {2, 2, 2}, picked.memoryLengths().toLongArray());
            assertArrayEquals(
                    new float[] {4, 5, 4, 5, 0, 1}, picked.rnnState().head().toFloatArray());
            assertArrayEquals(new float[] {2, 2, 0}, picked.feed().toFloatArray());
            assertArrayEquals(new float[] {4, 5}, picked.topHidden().get(0).toFloatArray());
        }
    }
}
