package dev.seq2seq.perf;

import ai.djl.util.Preconditions;

/**
 * A named matrix product (m, k) x (k, n), such as the output projection (B·T, H) x (H, V): what a
 * matrix-multiply benchmark runs to see how fast the engine is on the model's own shapes.
 *
 * @param name what the product is, e.g. {@code "output projection (B·T, H) x (H, V)"}
 * @param m the rows of the left operand
 * @param k the shared dimension
 * @param n the columns of the right operand
 */
public record MatrixProduct(String name, long m, long k, long n) {

    /**
     * Checks the sizes.
     *
     * @throws IllegalArgumentException if the name is blank or a size is below 1
     */
    public MatrixProduct {
        Preconditions.checkArgument(
                name != null && !name.isBlank(), "a matrix product needs a name");
        Preconditions.checkArgument(
                m >= 1 && k >= 1 && n >= 1,
                String.format("%s: sizes must be >= 1, got (%d, %d) x (%d, %d)", name, m, k, k, n));
    }

    /**
     * Returns the square product (n, n) x (n, n), the usual measure of an engine's peak.
     *
     * @param n the size
     * @return the product, named {@code "square nxn"}
     * @throws IllegalArgumentException if n is below 1
     */
    public static MatrixProduct square(long n) {
        return new MatrixProduct("square " + n + "x" + n, n, n, n);
    }

    /**
     * Returns the floating-point operations of the product: 2·m·k·n (one multiply and one add per
     * term of each of the m·n dot products of length k).
     *
     * @return 2·m·k·n
     * @throws ArithmeticException if the count overflows a long
     */
    public long flops() {
        return Math.multiplyExact(Math.multiplyExact(2 * m, k), n);
    }

    /**
     * Returns the shape as {@code (m, k) x (k, n)} with the numbers.
     *
     * @return e.g. {@code "(1280, 256) x (256, 5000)"}
     */
    public String shape() {
        return String.format("(%d, %d) x (%d, %d)", m, k, k, n);
    }
}
