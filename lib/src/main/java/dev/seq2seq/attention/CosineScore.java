package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import dev.seq2seq.Scalars;

/**
 * The cosine score with a temperature, as in content-based addressing (Graves et al. 2014, "Neural
 * Turing Machines", eq. (5)-(6), there with a sharpening factor &beta; = 1/&tau;):
 *
 * <pre>
 *   score(q_t, k_s) = cos(q_t, k_s) / &tau;
 *                   = (q_t &middot; k_s) / (|q_t|_&epsilon; |k_s|_&epsilon; &tau;)
 *   |x|_&epsilon; = sqrt(|x|&sup2; + &epsilon;&sup2;),   &epsilon; = 1e-6
 * </pre>
 *
 * <p>Cosines lie in [-1, 1], so the temperature &tau; sets how peaked the weights can get: with
 * &tau; = 0.1 the scores lie in [-10, 10]. The &epsilon; makes zero vectors score 0 with a finite
 * gradient instead of 0/0.
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, H = Hq = Hk): query (B, T, H), keys (B, S,
 * H), scores (B, T, S). No parameters; the query and key sizes must be equal.
 */
public final class CosineScore extends AttentionScore {

    /** The &epsilon; in the norms. */
    public static final double EPSILON = 1e-6;

    private static final byte VERSION = 1;

    private final float temperature;

    private CosineScore(Builder builder) {
        super(VERSION, SizeCheck.EQUAL);
        temperature = builder.temperature;
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
     * Returns the temperature &tau;.
     *
     * @return &tau;
     */
    public float temperature() {
        return temperature;
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray score(
            ParameterStore parameterStore, NDArray query, NDArray keys, boolean training) {
        NDArray q = query.div(norm(query)); // (B, T, H)
        NDArray k = keys.div(norm(keys)); // (B, S, H)
        NDArray cosines = q.matMul(k.transpose(0, 2, 1)); // (B, T, S)
        return cosines.div(Scalars.of(cosines, temperature)); // not div(Number): see Scalars
    }

    private static NDArray norm(NDArray x) {
        return x.square().sum(new int[] {2}, true).add(EPSILON * EPSILON).sqrt(); // (B, *, 1)
    }

    /** Builds a {@link CosineScore}. */
    public static final class Builder {

        private float temperature = 0.1f;

        private Builder() {}

        /**
         * Sets the temperature &tau; (default 0.1); smaller values give sharper weights.
         *
         * @param temperature &tau;
         * @return this builder
         */
        public Builder optTemperature(float temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Builds the score.
         *
         * @return the score block
         * @throws IllegalArgumentException if the temperature is not a positive finite number
         */
        public CosineScore build() {
            if (!(temperature > 0) || Float.isInfinite(temperature)) {
                throw new IllegalArgumentException(
                        "CosineScore needs optTemperature(tau) with tau > 0, got " + temperature);
            }
            return new CosineScore(this);
        }
    }
}
