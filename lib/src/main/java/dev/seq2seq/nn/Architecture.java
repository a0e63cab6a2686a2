package dev.seq2seq.nn;

/**
 * The family of a {@link dev.seq2seq.model.Seq2SeqModel}: which encoder and decoder it is built
 * from.
 */
public enum Architecture {
    /**
     * A recurrent encoder, a {@link Bridge} and one of the recurrent decoders ({@link
     * RecurrentSettings}): Sutskever et al. (2014), Bahdanau et al. (2015), Luong et al. (2015).
     * The default, and the architecture of every configuration written before the Transformer was
     * added.
     */
    RECURRENT,
    /**
     * The Transformer of Vaswani et al. (2017), "Attention Is All You Need": self-attention encoder
     * and decoder, multi-head encoder-decoder attention, no recurrence ({@link
     * TransformerSettings}).
     */
    TRANSFORMER
}
