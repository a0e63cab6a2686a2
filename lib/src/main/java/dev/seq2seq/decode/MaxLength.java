package dev.seq2seq.decode;

/**
 * The maximum output length of a search, {@code a·|x| + b} tokens for a source of |x| tokens
 * ({@code <eos>} not counted), shared by {@link GreedySearch}, {@link BeamSearch} and {@link
 * Sampler}.
 *
 * @param ratio a ≥ 0, finite
 * @param offset b ≥ 1
 */
record MaxLength(double ratio, int offset) {

    /** The default, {@code 2·|x| + 10}. */
    static final MaxLength DEFAULT = new MaxLength(2.0, 10);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming both values if a is negative, infinite or NaN, or b
     *     is below 1
     */
    MaxLength {
        if (!(ratio >= 0) || Double.isInfinite(ratio) || offset < 1) {
            throw new IllegalArgumentException(
                    "maximum length a·|x| + b needs a >= 0 and b >= 1, got a="
                            + ratio
                            + ", b="
                            + offset);
        }
    }

    /**
     * Returns the maximum number of output tokens for a source.
     *
     * @param sourceLength the source length with its {@code <eos>}, as in the batch's lengths
     * @return {@code floor(a·(sourceLength - 1)) + b}
     */
    int of(long sourceLength) {
        return (int) Math.floor(ratio * (sourceLength - 1)) + offset;
    }
}
