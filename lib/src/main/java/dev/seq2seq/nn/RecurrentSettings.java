package dev.seq2seq.nn;

import static dev.seq2seq.Checks.check;

import ai.djl.util.Preconditions;

import dev.seq2seq.attention.ScoreType;

/**
 * The settings of a recurrent encoder-decoder (Sutskever et al. 2014; Bahdanau et al. 2015; Luong
 * et al. 2015) that a Transformer does not have; part of {@link Seq2SeqConfig}, which holds the
 * rest (the vocabularies, E, H and the dropout rate).
 *
 * @param cell the recurrent cell of encoder and decoder
 * @param layers L, for encoder and decoder
 * @param bidirectional whether the encoder reads both directions
 * @param bridge how the encoder's final state initialises the decoder
 * @param decoder which decoder
 * @param attentionScore the scoring function; ignored by {@link DecoderType#PLAIN}. The dot,
 *     scaled-dot and cosine scores compare the decoder state with encoder outputs of the same size,
 *     so they need H = M (a unidirectional encoder)
 * @param attentionSize A, the hidden size of the concat and additive scores
 * @param localWindow 0 for global attention, or a half-width W &gt; 0 for Luong's local-p attention
 *     over the window [p_t − W, p_t + W] (the paper's D)
 * @param inputFeeding whether the Luong decoder feeds its attentional state to the next step
 */
public record RecurrentSettings(
        CellType cell,
        int layers,
        boolean bidirectional,
        BridgeType bridge,
        DecoderType decoder,
        ScoreType attentionScore,
        int attentionSize,
        int localWindow,
        boolean inputFeeding) {

    /**
     * Validates the values that do not depend on H.
     *
     * @throws IllegalArgumentException naming the first wrong value
     */
    public RecurrentSettings {
        check(layers >= 1, "layers", layers);
        check(attentionSize >= 1, "attentionSize", attentionSize);
        check(localWindow >= 0, "localWindow", localWindow);
        Preconditions.checkArgument(
                cell != null && bridge != null && decoder != null && attentionScore != null,
                "cell, bridge, decoder and attentionScore are required");
    }

    /**
     * Whether the attention score takes a dot product of the decoder state and an encoder output,
     * so that their sizes must be equal.
     *
     * @return true for the dot, scaled-dot and cosine scores
     */
    boolean needsEqualSizes() {
        return attentionScore == ScoreType.DOT
                || attentionScore == ScoreType.SCALED_DOT
                || attentionScore == ScoreType.COSINE;
    }
}
