package dev.seq2seq;

import ai.djl.ndarray.NDArray;

/**
 * Scalar operands for arithmetic that autograd will differentiate.
 *
 * <p>On PyTorch, DJL's {@code x.mul(Number)} and {@code x.div(Number)} (also {@code maximum},
 * {@code minimum} and {@code pow} with a {@code Number}) wrap the number in a 0-d tensor that
 * borrows a Java direct buffer ({@code torch::from_blob}, no copy), apply the op, and close that
 * tensor at once, which drops the only Java reference to the buffer. Autograd keeps the tensor for
 * the backward ({@code d(x·c)/dx = c}, {@code d(x/c)/dx = 1/c}), but not the buffer: once the
 * garbage collector frees it, the backward reads whatever the memory holds by then. In training
 * this happened about once in a thousand steps, between a step's forward and its backward: the
 * gradient came out NaN or infinite (and, when the freed memory held a finite number, silently
 * wrong). Add and subtract with a {@code Number} are safe: their backward does not read the scalar.
 *
 * <p>{@link #of} returns the same scalar in memory the engine owns, which lives as long as autograd
 * needs it: write {@code x.mul(Scalars.of(x, c))} instead of {@code x.mul(c)} on any array a
 * gradient flows through. The value is the same ({@code c} cast to {@code x}'s data type, as the
 * engine casts it), so results are unchanged.
 */
public final class Scalars {

    private Scalars() {}

    /**
     * Returns a 0-d array holding {@code value} in {@code like}'s data type, on its device and
     * manager, in memory the engine owns.
     *
     * @param like the array the scalar will be combined with
     * @param value the value
     * @return the scalar, shape ()
     */
    public static NDArray of(NDArray like, double value) {
        try (NDArray borrowed = like.getManager().create(value)) { // float64, a Java buffer
            NDArray typed = borrowed.toType(like.getDataType(), false); // a copy unless float64
            return typed == borrowed ? borrowed.duplicate() : typed; // duplicate: a copy
        }
    }
}
