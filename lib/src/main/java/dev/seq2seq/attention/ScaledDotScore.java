package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import dev.seq2seq.Scalars;

/**
 * The scaled dot score of Vaswani et al. (2017), "Attention Is All You Need", eq. (1):
 *
 * <pre>
 *   score(q_t, k_s) = q_t &middot; k_s / &radic;d,   d = Hk, the key size
 * </pre>
 *
 * <p>If the components of q and k are independent with mean 0 and variance 1, q &middot; k has
 * variance d; dividing by &radic;d keeps the scores at unit scale, so the softmax does not saturate
 * as d grows. The divisor is the square root of the key size, not &radic;2.
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, H = Hq = Hk): query (B, T, H), keys (B, S,
 * H), scores (B, T, S). No parameters; the query and key sizes must be equal.
 */
public final class ScaledDotScore extends AttentionScore {

    private static final byte VERSION = 1;

    private ScaledDotScore() {
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
        double d = keys.getShape().get(2);
        NDArray dot = query.matMul(keys.transpose(0, 2, 1)); // (B, T, H) x (B, H, S) = (B, T, S)
        return dot.div(Scalars.of(dot, Math.sqrt(d))); // (B, T, S); not div(Number): see Scalars
    }

    /** Builds a {@link ScaledDotScore}; it has no options. */
    public static final class Builder {

        private Builder() {}

        /**
         * Builds the score.
         *
         * @return the score block
         */
        public ScaledDotScore build() {
            return new ScaledDotScore();
        }
    }
}
