package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

/**
 * Builds a {@link Bleu}. Every option starts at the default of sacreBLEU's {@code BLEU()} class
 * (or, from {@link Bleu#sentenceBuilder()}, of its {@code sentence_bleu()} function).
 */
public final class BleuBuilder {
    BleuTokenizer tokenizer = BleuTokenizer.MTEVAL_13A;
    Smoothing smoothing = Smoothing.EXP;
    Double smoothingValue;
    boolean lowercase;
    boolean effectiveOrder;
    int maxOrder = 4;

    BleuBuilder() {}

    /**
     * Sets the tokenizer (default {@link BleuTokenizer#MTEVAL_13A}).
     *
     * @param tokenizer the tokenizer
     * @return this builder
     */
    public BleuBuilder optTokenizer(BleuTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        return this;
    }

    /**
     * Sets the smoothing method (default {@link Smoothing#EXP}).
     *
     * @param smoothing the method
     * @return this builder
     */
    public BleuBuilder optSmoothing(Smoothing smoothing) {
        this.smoothing = smoothing;
        return this;
    }

    /**
     * Sets ε for {@link Smoothing#FLOOR} or k for {@link Smoothing#ADD_K} (default: the method's
     * {@link Smoothing#defaultValue()}); ignored by the other methods.
     *
     * @param value a finite value, at least 0
     * @return this builder
     */
    public BleuBuilder optSmoothingValue(double value) {
        this.smoothingValue = value;
        return this;
    }

    /**
     * Sets case-insensitive BLEU (default false): segments are lower-cased first.
     *
     * @param lowercase whether to lower-case
     * @return this builder
     */
    public BleuBuilder optLowercase(boolean lowercase) {
        this.lowercase = lowercase;
        return this;
    }

    /**
     * Sets the effective order (default false): orders for which the hypothesis has no n-grams at
     * all are left out of the geometric mean instead of making BLEU 0.
     *
     * @param effectiveOrder whether to use the effective order
     * @return this builder
     */
    public BleuBuilder optEffectiveOrder(boolean effectiveOrder) {
        this.effectiveOrder = effectiveOrder;
        return this;
    }

    /**
     * Sets the highest n-gram order N (default 4, as everyone reports).
     *
     * @param maxOrder N, at least 1
     * @return this builder
     */
    public BleuBuilder optMaxNgramOrder(int maxOrder) {
        this.maxOrder = maxOrder;
        return this;
    }

    /**
     * Builds the metric.
     *
     * @return the metric
     * @throws IllegalArgumentException if the tokenizer or smoothing is null, the smoothing value
     *     is negative or not finite, or the maximum order is below 1
     */
    public Bleu build() {
        Preconditions.checkArgument(
                tokenizer != null && smoothing != null,
                "optTokenizer and optSmoothing need a value, got null");
        if (smoothingValue != null && !(smoothingValue >= 0 && Double.isFinite(smoothingValue))) {
            throw new IllegalArgumentException(
                    "optSmoothingValue must be finite and >= 0, got " + smoothingValue);
        }
        Preconditions.checkArgument(
                maxOrder >= 1, "optMaxNgramOrder must be >= 1, got " + maxOrder);
        return new Bleu(this);
    }
}
