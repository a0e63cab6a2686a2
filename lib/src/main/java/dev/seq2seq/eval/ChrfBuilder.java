package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

/**
 * Builds a {@link Chrf}. Every option starts at the default of sacreBLEU's {@code CHRF()} class;
 * {@code optWordOrder(2)} gives chrF++.
 */
public final class ChrfBuilder {
    int charOrder = 6;
    int wordOrder;
    int beta = 2;
    boolean lowercase;
    boolean whitespace;
    boolean epsSmoothing;

    ChrfBuilder() {}

    /**
     * Sets the highest character n-gram order (default 6).
     *
     * @param charOrder the order, at least 0
     * @return this builder
     */
    public ChrfBuilder optCharOrder(int charOrder) {
        this.charOrder = charOrder;
        return this;
    }

    /**
     * Sets the highest word n-gram order (default 0 for chrF; 2 gives chrF++).
     *
     * @param wordOrder the order, at least 0
     * @return this builder
     */
    public ChrfBuilder optWordOrder(int wordOrder) {
        this.wordOrder = wordOrder;
        return this;
    }

    /**
     * Sets β, how many times more recall weighs than precision (default 2).
     *
     * @param beta β, at least 0
     * @return this builder
     */
    public ChrfBuilder optBeta(int beta) {
        this.beta = beta;
        return this;
    }

    /**
     * Sets case-insensitive chrF (default false).
     *
     * @param lowercase whether to lower-case segments first
     * @return this builder
     */
    public ChrfBuilder optLowercase(boolean lowercase) {
        this.lowercase = lowercase;
        return this;
    }

    /**
     * Sets whether whitespace characters take part in character n-grams (default false: they are
     * removed first).
     *
     * @param whitespace whether to keep whitespace
     * @return this builder
     */
    public ChrfBuilder optWhitespace(boolean whitespace) {
        this.whitespace = whitespace;
        return this;
    }

    /**
     * Sets eps smoothing, as chrF++.py, NLTK and Moses (default false: sacreBLEU's effective
     * order); see {@link Chrf#fScore}.
     *
     * @param epsSmoothing whether to use eps smoothing
     * @return this builder
     */
    public ChrfBuilder optEpsSmoothing(boolean epsSmoothing) {
        this.epsSmoothing = epsSmoothing;
        return this;
    }

    /**
     * Builds the metric.
     *
     * @return the metric
     * @throws IllegalArgumentException if an order or β is negative, or both orders are 0
     */
    public Chrf build() {
        if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
            throw new IllegalArgumentException(
                    "chrF needs optCharOrder and optWordOrder >= 0, not both 0; got "
                            + charOrder
                            + " and "
                            + wordOrder);
        }
        Preconditions.checkArgument(beta >= 0, "optBeta must be >= 0, got " + beta);
        return new Chrf(this);
    }
}
