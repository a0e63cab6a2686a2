package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import dev.seq2seq.Scalars;

/**
 * The dot score of Luong et al. (2015), "Effective Approaches to Attention-based Neural Machine
 * Translation", eq. (8) "dot", and, scaled, the scaled dot score of Vaswani et al. (2017),
 * "Attention Is All You Need", eq. (1):
 *
 * <pre>
 *   score(q_t, k_s) = q_t &middot; k_s                 (dot)
 *   score(q_t, k_s) = q_t &middot; k_s / &radic;d,   d = Hk   (scaled dot)
 * </pre>
 *
 * <p>If the components of q and k are independent with mean 0 and variance 1, q &middot; k has
 * variance d; dividing by &radic;d keeps the scores at unit scale, so the softmax does not saturate
 * as d grows. The divisor is the square root of the key size, not &radic;2.
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, H = Hq = Hk): query (B, T, H), keys (B, S,
 * H), scores (B, T, S). No parameters; the query and key sizes must be equal.
 */
public final class DotScore extends AttentionScore {

    private static final byte VERSION = 1;

    private final boolean scaled;

    private DotScore(boolean scaled) {
        super(VERSION, SizeCheck.EQUAL);
        this.scaled = scaled;
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
     * Returns whether the scores are divided by &radic;Hk.
     *
     * @return true for the scaled dot score
     */
    public boolean scaled() {
        return scaled;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if Hq differs from Hk
     */
    @Override
    protected NDArray score(
            ParameterStore parameterStore, NDArray query, NDArray keys, boolean training) {
        NDArray dot = query.matMul(keys.transpose(0, 2, 1)); // (B, T, H) x (B, H, S) = (B, T, S)
        if (!scaled) {
            return dot;
        }
        double d = keys.getShape().get(2);
        return dot.div(Scalars.of(dot, Math.sqrt(d))); // (B, T, S); not div(Number): see Scalars
    }

    /** Builds a {@link DotScore}. */
    public static final class Builder {

        private boolean scaled;

        private Builder() {}

        /**
         * Divides the scores by &radic;Hk, as the Transformer does (default false: Luong's dot).
         *
         * @param scaled whether to scale
         * @return this builder
         */
        public Builder optScaled(boolean scaled) {
            this.scaled = scaled;
            return this;
        }

        /**
         * Builds the score.
         *
         * @return the score block
         */
        public DotScore build() {
            return new DotScore(scaled);
        }
    }
}
