package dev.seq2seq.eval;

/**
 * Perplexity, the exponential of the mean negative log-likelihood per token: a model with
 * perplexity k is as unsure as if it chose uniformly among k tokens at every step. The
 * log-likelihoods are natural logarithms (nats), as DJL's and PyTorch's cross-entropy losses return
 * them.
 */
public final class Perplexity {

    private Perplexity() {}

    /**
     * Returns exp(nll) for a mean negative log-likelihood per token, e.g. the mean training loss.
     *
     * @param nats the mean negative log-likelihood in nats, at least 0 (+∞ allowed, giving +∞)
     * @return the perplexity, at least 1
     * @throws IllegalArgumentException if nats is NaN (a diverged loss) or negative
     */
    public static double fromMeanNegativeLogLikelihood(double nats) {
        if (Double.isNaN(nats) || nats < 0) {
            throw new IllegalArgumentException(
                    "mean negative log-likelihood must be >= 0 nats, got " + nats);
        }
        return Math.exp(nats);
    }

    /**
     * Returns exp(total / tokens) for a summed negative log-likelihood, e.g. accumulated over the
     * batches of an epoch.
     *
     * @param totalNats the summed negative log-likelihood in nats, at least 0
     * @param tokens the number of target tokens it was summed over, at least 0
     * @return the perplexity; 1 (the perplexity of a certain prediction) when there are no tokens
     * @throws IllegalArgumentException if totalNats is NaN or negative, or tokens is negative
     */
    public static double fromTotalNegativeLogLikelihood(double totalNats, long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("token count must be >= 0, got " + tokens);
        }
        if (Double.isNaN(totalNats) || totalNats < 0) {
            throw new IllegalArgumentException(
                    "total negative log-likelihood must be >= 0 nats, got " + totalNats);
        }
        return tokens == 0 ? 1.0 : fromMeanNegativeLogLikelihood(totalNats / tokens);
    }
}
