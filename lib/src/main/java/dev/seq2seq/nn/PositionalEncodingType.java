package dev.seq2seq.nn;

/** How a Transformer tells positions apart (Vaswani et al. 2017, section 3.5). */
public enum PositionalEncodingType {
    /**
     * The fixed encoding {@code PE(p, 2i) = sin(p / 10000^(2i/D))}, {@code PE(p, 2i+1) = cos(p /
     * 10000^(2i/D))}: no parameters, any length.
     */
    SINUSOIDAL,
    /** A learned vector per position (Gehring et al. 2017), up to a maximum number of positions. */
    LEARNED
}
