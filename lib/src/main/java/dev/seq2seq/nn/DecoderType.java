package dev.seq2seq.nn;

/** Which decoder a {@link dev.seq2seq.model.Seq2SeqModel} uses. */
public enum DecoderType {
    /**
     * No attention: a fixed context vector {@code c} (the encoder's final state) is fed at every
     * step, {@code s_t = g(y_{t-1}, s_{t-1}, c)} (Cho et al. 2014; Sutskever et al. 2014).
     */
    PLAIN,
    /** Attention with the previous state, context into the RNN input (Bahdanau et al. 2015). */
    BAHDANAU,
    /** Attention with the current state and an attentional hidden state (Luong et al. 2015). */
    LUONG
}
