package dev.seq2seq;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reproduces, in a test, what a long training run does between a step's forward and its backward:
 * the garbage collector frees the direct buffers of closed arrays, and the native memory they held
 * is handed out again. Here it is filled with NaN, so that a backward that still reads such memory
 * (see {@link Scalars}) gives NaN instead of passing by luck.
 */
public final class FreedMemory {

    private FreedMemory() {}

    /**
     * Runs the garbage collector and refills small freed native blocks with NaN.
     *
     * @return the buffers holding the NaNs; keep them reachable until the backward has run
     */
    public static List<ByteBuffer> scribble() {
        List<ByteBuffer> keep = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            try {
                Thread.sleep(20); // the reference handler frees the buffers after the collection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < 20_000; i++) {
                for (int size : new int[] {4, 8}) { // float32 and float64 scalars
                    ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
                    if (size == 4) {
                        b.putFloat(0, Float.NaN);
                    } else {
                        b.putDouble(0, Double.NaN);
                    }
                    keep.add(b);
                }
            }
        }
        return keep;
    }
}
