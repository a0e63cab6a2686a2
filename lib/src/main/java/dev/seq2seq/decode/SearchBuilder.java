package dev.seq2seq.decode;

import ai.djl.util.Preconditions;

import dev.seq2seq.model.Seq2SeqModel;

/**
 * What the builders of {@link BeamSearch} and {@link Sampler} share: the model, required, and the
 * maximum output length {@code a·|x| + b}, by default {@code 2·|x| + 10} as for {@link
 * GreedySearch}.
 *
 * @param <B> the builder's own type, which every option returns
 */
public abstract class SearchBuilder<B extends SearchBuilder<B>> {

    private Seq2SeqModel model;
    private double lengthRatio = MaxLength.DEFAULT.ratio();
    private int lengthOffset = MaxLength.DEFAULT.offset();

    SearchBuilder() {}

    /**
     * Returns this builder as its own type.
     *
     * @return this
     */
    abstract B self();

    /**
     * Sets the model (required).
     *
     * @param model the trained model
     * @return this builder
     */
    public B setModel(Seq2SeqModel model) {
        this.model = model;
        return self();
    }

    /**
     * Sets the maximum output length {@code a·|x| + b} tokens (default {@code 2·|x| + 10}).
     *
     * @param lengthRatio a ≥ 0
     * @param lengthOffset b ≥ 1
     * @return this builder
     */
    public B optMaxLength(double lengthRatio, int lengthOffset) {
        this.lengthRatio = lengthRatio;
        this.lengthOffset = lengthOffset;
        return self();
    }

    /**
     * Returns the model.
     *
     * @throws IllegalArgumentException if it was not set
     */
    Seq2SeqModel model() {
        Preconditions.checkArgument(model != null, "model is required: call setModel");
        return model;
    }

    /**
     * Returns the maximum output length.
     *
     * @throws IllegalArgumentException naming both values if one is out of range
     */
    MaxLength maxLength() {
        return new MaxLength(lengthRatio, lengthOffset);
    }
}
