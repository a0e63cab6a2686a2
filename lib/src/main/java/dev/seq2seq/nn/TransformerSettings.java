package dev.seq2seq.nn;

import static dev.seq2seq.Checks.check;

import ai.djl.util.Preconditions;

/**
 * The settings of a Transformer (Vaswani et al. 2017) that a recurrent model does not have; part of
 * {@link Seq2SeqConfig}, which holds the rest (the model size D, which is both its {@code
 * embeddingSize} and its {@code hiddenSize}, the vocabularies and the dropout rate).
 *
 * @param heads h, the attention heads of every multi-head attention; D must be divisible by h (each
 *     head works in d_k = d_v = D / h)
 * @param feedForwardSize d_ff, the inner size of the position-wise feed-forward network
 * @param encoderLayers N_enc, the encoder layers
 * @param decoderLayers N_dec, the decoder layers
 * @param positionalEncoding sinusoidal or learned
 * @param maxPositions the number of positions a learned encoding has vectors for (source and target
 *     lengths, {@code <bos>}/{@code <eos>} included, must not exceed it); ignored by the sinusoidal
 *     one
 * @param normPlacement pre-norm or post-norm (the paper's)
 * @param shareTargetEmbedding whether the output projection reuses the target embedding matrix
 *     transposed, {@code logits = x E^T} (Press and Wolf 2017; the paper's section 3.4), instead of
 *     its own (D, V) layer
 * @param attentionScoreFloor 0 for none, as in the paper; otherwise how far below its row's largest
 *     visible score a scaled attention score may fall before the softmax (our departure from the
 *     paper, opt-in: see {@link dev.seq2seq.nn.transformer.MultiHeadAttention})
 */
public record TransformerSettings(
        int heads,
        int feedForwardSize,
        int encoderLayers,
        int decoderLayers,
        PositionalEncodingType positionalEncoding,
        int maxPositions,
        NormPlacement normPlacement,
        boolean shareTargetEmbedding,
        float attentionScoreFloor) {

    /**
     * Validates the values that do not depend on D.
     *
     * @throws IllegalArgumentException naming the first wrong value
     */
    public TransformerSettings {
        check(heads >= 1, "heads", heads);
        check(feedForwardSize >= 1, "feedForwardSize", feedForwardSize);
        check(encoderLayers >= 1, "encoderLayers", encoderLayers);
        check(decoderLayers >= 1, "decoderLayers", decoderLayers);
        check(maxPositions >= 1, "maxPositions", maxPositions);
        check(
                attentionScoreFloor >= 0 && Float.isFinite(attentionScoreFloor),
                "attentionScoreFloor",
                attentionScoreFloor);
        Preconditions.checkArgument(
                positionalEncoding != null && normPlacement != null,
                "positionalEncoding and normPlacement are required");
    }
}
