package dev.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Shape checks at block boundaries: a wrong shape fails where it enters, with the expected and the
 * actual shape in the message, instead of deep inside the engine.
 */
public final class Shapes {

    /** Marks a dimension whose size is not checked. */
    public static final long ANY = -1;

    private Shapes() {}

    /**
     * Checks an array's rank and sizes.
     *
     * <pre>{@code
     * Shapes.check("query", query, "B, T, H", batch, Shapes.ANY, hidden);
     * // IllegalArgumentException: query: expected (B, T, H) = (64, ?, 256), got (64, 7, 128)
     * }</pre>
     *
     * @param what the name of the input, for the message
     * @param array the array to check
     * @param letters the names of the dimensions, comma-separated, e.g. {@code "B, S, H"}
     * @param sizes the expected size of each dimension, or {@link #ANY}
     * @return the array, for chaining
     * @throws IllegalArgumentException if the rank or a checked size differs
     */
    public static NDArray check(String what, NDArray array, String letters, long... sizes) {
        Shape shape = array.getShape();
        boolean ok = shape.dimension() == sizes.length;
        for (int i = 0; ok && i < sizes.length; i++) {
            ok = sizes[i] == ANY || sizes[i] == shape.get(i);
        }
        if (!ok) {
            StringBuilder expected = new StringBuilder("(");
            for (int i = 0; i < sizes.length; i++) {
                expected.append(i == 0 ? "" : ", ").append(sizes[i] == ANY ? "?" : sizes[i]);
            }
            throw new IllegalArgumentException(
                    what + ": expected (" + letters + ") = " + expected + "), got " + shape);
        }
        return array;
    }
}
