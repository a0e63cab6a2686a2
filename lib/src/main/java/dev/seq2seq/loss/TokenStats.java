package dev.seq2seq.loss;

/**
 * Token counts of one or more batches, for token-weighted loss, perplexity and accuracy: the summed
 * negative log-likelihood of the valid target tokens (natural log, unsmoothed), their number, and
 * how many of them the model's argmax predicted. Add the stats of the batches of an epoch with
 * {@link #plus}; see {@link MaskedCrossEntropyLoss#tokenStats} and {@link TeacherForcedEvaluation}.
 *
 * <p>This is the library's one definition of the token statistics, also on empty input: with no
 * token, the mean NLL, the perplexity and the accuracy are all NaN (undefined, not 0 or 1), so that
 * an empty validation set cannot pass for a perfect or a useless model.
 *
 * @param nllSum the summed −log p(target) over valid tokens, in nats
 * @param tokens the number of valid (non-padding) target tokens
 * @param correct the number of valid tokens whose argmax prediction equals the target
 */
public record TokenStats(double nllSum, long tokens, long correct) {

    /** No tokens: the start of a sum. */
    public static final TokenStats ZERO = new TokenStats(0, 0, 0);

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative or {@code correct > tokens}
     */
    public TokenStats {
        if (tokens < 0 || correct < 0 || correct > tokens) {
            throw new IllegalArgumentException(
                    "need 0 <= correct <= tokens, got correct=" + correct + ", tokens=" + tokens);
        }
    }

    /**
     * Returns the sum of these stats and {@code other}.
     *
     * @param other the stats to add
     * @return the sum
     */
    public TokenStats plus(TokenStats other) {
        return new TokenStats(
                nllSum + other.nllSum, tokens + other.tokens, correct + other.correct);
    }

    /**
     * Returns the mean NLL per token, the cross-entropy in nats.
     *
     * @return {@code nllSum / tokens}, NaN when there are no tokens
     */
    public double meanNll() {
        return tokens == 0 ? Double.NaN : nllSum / tokens;
    }

    /**
     * Returns the perplexity {@code exp(meanNll())}.
     *
     * @return the perplexity, NaN when there are no tokens
     */
    public double perplexity() {
        return Math.exp(meanNll());
    }

    /**
     * Returns the token accuracy.
     *
     * @return {@code correct / tokens} in [0, 1], NaN when there are no tokens
     */
    public double accuracy() {
        return accuracy(correct, tokens);
    }

    /**
     * Returns a token accuracy from its counts, e.g. of predictions made elsewhere.
     *
     * @param correct the number of correctly predicted tokens, in [0, tokens]
     * @param tokens the number of predicted tokens, at least 0
     * @return {@code correct / tokens} in [0, 1], NaN when there are no tokens
     * @throws IllegalArgumentException if a count is negative or {@code correct > tokens}
     */
    public static double accuracy(long correct, long tokens) {
        if (tokens < 0 || correct < 0 || correct > tokens) {
            throw new IllegalArgumentException(
                    "need 0 <= correct <= tokens, got correct=" + correct + ", tokens=" + tokens);
        }
        return tokens == 0 ? Double.NaN : (double) correct / tokens;
    }
}
