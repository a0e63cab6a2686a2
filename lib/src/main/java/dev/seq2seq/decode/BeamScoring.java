package dev.seq2seq.decode;

/**
 * How {@link BeamSearch} scores a complete hypothesis, after Wu et al. (2016), "Google's Neural
 * Machine Translation System", eq. 14:
 *
 * <pre>
 * s(Y, X) = log P(Y | X) / lp(Y) + cp(X; Y)
 * lp(Y)   = ((5 + |Y|) / 6)^α                    (GNMT length penalty)
 *         or |Y|                                 (length normalisation, the average log-probability)
 * cp(X;Y) = β · Σ_j log(min(Σ_t a_tj, 1))        (coverage penalty, j over the valid source positions)
 * </pre>
 *
 * <p>|Y| is the number of scored output steps T: the tokens plus the final {@code <eos>} when the
 * hypothesis finished ({@code Hypothesis.tokenLogProbs().length}). With α = 0, no normalisation and
 * β = 0 the score is the raw log-probability. Coverage sums are floored at {@link #MIN_COVERAGE} so
 * that a source word with (numerically) no attention gives a large finite penalty, not minus
 * infinity.
 *
 * @param alpha α ≥ 0, the GNMT length penalty exponent (0: no length penalty)
 * @param lengthNormalization whether to divide by |Y| instead (then α must be 0)
 * @param beta β ≥ 0, the coverage penalty weight (0: none; ignored without attention)
 */
public record BeamScoring(double alpha, boolean lengthNormalization, double beta) {

    /** The smallest coverage sum {@code Σ_t a_tj} that enters the logarithm. */
    public static final double MIN_COVERAGE = 1e-9;

    /**
     * Validates the parameters.
     *
     * @param alpha α ≥ 0
     * @param lengthNormalization whether to divide by |Y|
     * @param beta β ≥ 0
     * @throws IllegalArgumentException if α or β is negative or not finite, or if both α &gt; 0 and
     *     length normalisation are asked for
     */
    public BeamScoring {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("length penalty alpha must be >= 0, got " + alpha);
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("coverage penalty beta must be >= 0, got " + beta);
        }
        if (lengthNormalization && alpha > 0) {
            throw new IllegalArgumentException(
                    "choose either length normalisation or a length penalty alpha > 0, got both"
                            + " (alpha="
                            + alpha
                            + ")");
        }
    }

    /**
     * Returns the raw log-probability score: no length penalty, no coverage penalty.
     *
     * @return {@code new BeamScoring(0, false, 0)}
     */
    public static BeamScoring raw() {
        return new BeamScoring(0, false, 0);
    }

    /**
     * Returns the divisor lp(Y) of the log-probability.
     *
     * @param length |Y| = T ≥ 1, the number of scored output steps
     * @return {@code |Y|} with length normalisation, else {@code ((5 + |Y|) / 6)^α}
     */
    public double lengthPenalty(int length) {
        if (lengthNormalization) {
            return length;
        }
        return alpha == 0 ? 1.0 : Math.pow((5.0 + length) / 6.0, alpha);
    }

    /**
     * Returns the coverage penalty cp(X; Y), which is ≤ 0.
     *
     * @param attention the attention weights (T, S) over the valid source positions, or null
     * @return {@code β · Σ_j log(min(Σ_t a_tj, 1))}, or 0 if β = 0 or {@code attention} is null
     */
    public double coveragePenalty(float[][] attention) {
        if (beta == 0 || attention == null || attention.length == 0) {
            return 0;
        }
        double[] coverage = new double[attention[0].length]; // (S)
        for (float[] row : attention) {
            for (int j = 0; j < coverage.length; j++) {
                coverage[j] += row[j];
            }
        }
        double sum = 0;
        for (double c : coverage) {
            sum += Math.log(Math.max(Math.min(c, 1.0), MIN_COVERAGE));
        }
        return beta * sum;
    }

    /**
     * Returns the final score s(Y, X) of a hypothesis.
     *
     * @param logProb log P(Y | X), the sum of the per-step log-probabilities
     * @param length |Y| = T ≥ 1
     * @param attention the attention weights (T, S), or null
     * @return {@code logProb / lp(Y) + cp(X; Y)}
     */
    public double score(double logProb, int length, float[][] attention) {
        return logProb / lengthPenalty(length) + coveragePenalty(attention);
    }

    /**
     * Returns an upper bound on the final score of any completion of a live hypothesis: log-probs
     * only decrease as tokens are added ({@code log P ≤ logProb ≤ 0}), lp grows with |Y| up to
     * {@code lp(maxLength)}, and cp ≤ 0; so {@code s ≤ logProb / lp(maxLength)}. With α = 0 and no
     * normalisation this is the live raw score itself.
     *
     * @param logProb the live hypothesis's log-probability so far (≤ 0)
     * @param maxLength the largest |Y| it can reach
     * @return the bound
     */
    double bound(double logProb, int maxLength) {
        return logProb / lengthPenalty(maxLength);
    }
}
