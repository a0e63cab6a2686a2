package dev.seq2seq.eval;

/**
 * Token accuracy: the fraction of target tokens (padding excluded) that the model predicts exactly,
 * e.g. under teacher forcing. Counts rather than fractions are kept so that batches of different
 * sizes combine correctly with {@link #plus}.
 *
 * @param correct correctly predicted tokens
 * @param total tokens predicted
 */
public record TokenAccuracy(long correct, long total) {

    /** No tokens yet: the start of a sum. */
    public static final TokenAccuracy NONE = new TokenAccuracy(0, 0);

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException unless 0 ≤ correct ≤ total
     */
    public TokenAccuracy {
        if (correct < 0 || correct > total) {
            throw new IllegalArgumentException(
                    "token accuracy needs 0 <= correct <= total, got " + correct + " / " + total);
        }
    }

    /**
     * Returns correct / total.
     *
     * @return the accuracy in [0, 1]; 0 when there are no tokens
     */
    public double value() {
        return total == 0 ? 0.0 : (double) correct / total;
    }

    /**
     * Adds the counts of another batch.
     *
     * @param other the other counts
     * @return the summed counts
     */
    public TokenAccuracy plus(TokenAccuracy other) {
        return new TokenAccuracy(correct + other.correct, total + other.total);
    }

    /**
     * Formats the accuracy, e.g. {@code accuracy = 0.8500 (17/20)}.
     *
     * @return the accuracy with four decimals and its counts
     */
    @Override
    public String toString() {
        return "accuracy = " + PythonText.fixed(value(), 4) + " (" + correct + "/" + total + ")";
    }
}
