package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * The dot score of Luong et al. (2015), "Effective Approaches to Attention-based Neural Machine
 * Translation", eq. (8) "dot":
 *
 * <pre>
 *   score(q_t, k_s) = q_t &middot; k_s
 * </pre>
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, H = Hq = Hk): query (B, T, H), keys (B, S,
 * H), scores (B, T, S). No parameters; the query and key sizes must be equal.
 */
public final class DotScore extends AttentionScore {

    private static final byte VERSION = 1;

    private DotScore() {
        super(VERSION);
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if Hq differs from Hk
     */
    @Override
    protected void checkSizes(long querySize, long keySize) {
        checkEqualSizes(querySize, keySize);
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray score(
            ParameterStore parameterStore, NDArray query, NDArray keys, boolean training) {
        return query.matMul(keys.transpose(0, 2, 1)); // (B, T, H) x (B, H, S) = (B, T, S)
    }

    /** Builds a {@link DotScore}; it has no options. */
    public static final class Builder {

        private Builder() {}

        /**
         * Builds the score.
         *
         * @return the score block
         */
        public DotScore build() {
            return new DotScore();
        }
    }
}
