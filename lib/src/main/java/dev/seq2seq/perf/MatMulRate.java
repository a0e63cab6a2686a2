package dev.seq2seq.perf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * How fast the engine multiplies matrices of one shape, measured in this JVM with {@link
 * NDArray#matMul} on float32 operands: the ceiling of a roofline. A large square product (2048)
 * gives the engine's peak; the model's own shapes ({@code FlopCount.products}) show how close to it
 * the model's products can get.
 *
 * <p>PyTorch runs CPU operators synchronously, so the wall-clock time of {@code matMul} is the time
 * of the product. The operands are created once; each product is freed at once.
 *
 * @param product the product measured
 * @param repeats how many products were timed (after the warm-up)
 * @param seconds their total wall-clock time
 */
public record MatMulRate(MatrixProduct product, long repeats, double seconds) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if repeats is below 1 or seconds is not positive
     */
    public MatMulRate {
        if (product == null || repeats < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException(
                    "need a product, repeats >= 1 and seconds > 0, got "
                            + product
                            + ", "
                            + repeats
                            + ", "
                            + seconds);
        }
    }

    /**
     * Measures a product: a warm-up of at least two products and a quarter of {@code minSeconds},
     * then products until {@code minSeconds} have passed.
     *
     * @param manager the manager on whose device to multiply; the operands live in a sub-manager
     *     closed before returning
     * @param product the shape to measure
     * @param minSeconds how long to time, e.g. 1 to 2 s for a stable figure on a quiet machine
     * @return the rate
     * @throws IllegalArgumentException if {@code minSeconds} is not positive
     */
    public static MatMulRate measure(NDManager manager, MatrixProduct product, double minSeconds) {
        if (!(minSeconds > 0)) {
            throw new IllegalArgumentException("minSeconds must be > 0, got " + minSeconds);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray a =
                    scope.randomNormal(
                            0f, 1f, new Shape(product.m(), product.k()), DataType.FLOAT32);
            NDArray b =
                    scope.randomNormal(
                            0f, 1f, new Shape(product.k(), product.n()), DataType.FLOAT32);
            long warmupEnd = System.nanoTime() + (long) (minSeconds / 4 * 1e9);
            for (int i = 0; i < 2 || System.nanoTime() < warmupEnd; i++) {
                a.matMul(b).close(); // (m, k) x (k, n) = (m, n)
            }
            long start = System.nanoTime();
            long end = start + (long) (minSeconds * 1e9);
            long repeats = 0;
            long now;
            do {
                a.matMul(b).close();
                repeats++;
                now = System.nanoTime();
            } while (now < end);
            return new MatMulRate(product, repeats, (now - start) / 1e9);
        }
    }

    /**
     * Returns the measured rate.
     *
     * @return GFLOP/s, 2·m·k·n per product
     */
    public double gflops() {
        return product.flops() * (double) repeats / seconds / 1e9;
    }
}
