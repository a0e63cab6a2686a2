package dev.seq2seq.nn;

/** How the encoder's final state becomes the decoder's initial state; see {@link Bridge}. */
public enum BridgeType {
    /** The decoder starts from zeros. */
    NONE,
    /** The decoder starts from the encoder's final state as it is (requires H_dec = M). */
    COPY,
    /**
     * The decoder starts from {@code tanh(W h + b)} of the encoder's final state (Bahdanau 2015).
     */
    LINEAR
}
