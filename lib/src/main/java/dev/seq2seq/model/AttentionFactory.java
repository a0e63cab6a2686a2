package dev.seq2seq.model;

import dev.seq2seq.attention.AttentionBlock;
import dev.seq2seq.attention.AttentionScore;
import dev.seq2seq.attention.GlobalAttention;
import dev.seq2seq.attention.LocalAttention;
import dev.seq2seq.attention.ScoreType;
import dev.seq2seq.nn.Seq2SeqConfig;

/** Creates the attention block a {@link Seq2SeqConfig} names. */
final class AttentionFactory {

    private AttentionFactory() {}

    /**
     * Creates global attention, or Luong's local-p attention when {@code localWindow > 0}, with the
     * configured score.
     *
     * @param config the configuration
     * @return the attention block
     */
    static AttentionBlock create(Seq2SeqConfig config) {
        ScoreType type = config.recurrent().attentionScore();
        AttentionScore score = AttentionScore.create(type, config.recurrent().attentionSize());
        if (config.recurrent().localWindow() > 0) {
            return LocalAttention.builder()
                    .setScore(score)
                    .optHalfWidth(config.recurrent().localWindow())
                    .optPositionSize(config.recurrent().attentionSize())
                    .build();
        }
        return GlobalAttention.builder().setScore(score).build();
    }
}
