package dev.seq2seq.nn;

import dev.seq2seq.attention.AttentionBlock;
import dev.seq2seq.attention.AttentionScore;
import dev.seq2seq.attention.GlobalAttention;
import dev.seq2seq.attention.LocalAttention;
import dev.seq2seq.attention.ScoreType;

/** Creates the attention block a {@link Seq2SeqConfig} names. */
final class AttentionFactory {

    private AttentionFactory() {}

    /**
     * Creates global attention, or Luong's local-p attention when {@code localWindow > 0}, with the
     * configured score.
     *
     * @param config the configuration
     * @return the attention block
     * @throws IllegalArgumentException if the score name is unknown, or a dot or cosine score is
     *     asked for while the query size H differs from the memory size M
     */
    static AttentionBlock create(Seq2SeqConfig config) {
        ScoreType type = ScoreType.fromString(config.attentionScore());
        boolean sameSize = config.hiddenSize() == config.memorySize();
        if (!sameSize
                && (type == ScoreType.DOT
                        || type == ScoreType.SCALED_DOT
                        || type == ScoreType.COSINE)) {
            throw new IllegalArgumentException(
                    "the "
                            + config.attentionScore()
                            + " score compares the decoder state (H = "
                            + config.hiddenSize()
                            + ") with encoder outputs of the same size, but M = "
                            + config.memorySize()
                            + " (bidirectional encoder); use general, concat or additive");
        }
        AttentionScore score = AttentionScore.create(type, config.attentionSize());
        if (config.localWindow() > 0) {
            return LocalAttention.builder()
                    .setScore(score)
                    .optHalfWidth(config.localWindow())
                    .optPositionSize(config.attentionSize())
                    .build();
        }
        return GlobalAttention.builder().setScore(score).build();
    }
}
