package dev.seq2seq.attention;

import java.util.function.IntFunction;

/**
 * Builds a score whose one option is the attention hidden size A: {@link ConcatScore} and {@link
 * AdditiveScore}, each from its own {@code builder()}.
 *
 * @param <S> the score it builds
 */
public final class AttentionSizeBuilder<S extends AttentionScore> {

    private final String scoreName;
    private final IntFunction<S> factory;
    private int attentionSize;

    AttentionSizeBuilder(String scoreName, IntFunction<S> factory) {
        this.scoreName = scoreName;
        this.factory = factory;
    }

    /**
     * Sets the attention hidden size A, the rows of the score's projections (required).
     *
     * @param attentionSize A
     * @return this builder
     */
    public AttentionSizeBuilder<S> setAttentionSize(int attentionSize) {
        this.attentionSize = attentionSize;
        return this;
    }

    /**
     * Builds the score.
     *
     * @return the score block
     * @throws IllegalArgumentException if the attention size is not positive
     */
    public S build() {
        if (attentionSize < 1) {
            throw new IllegalArgumentException(
                    scoreName + " needs setAttentionSize(A) with A >= 1, got " + attentionSize);
        }
        return factory.apply(attentionSize);
    }
}
