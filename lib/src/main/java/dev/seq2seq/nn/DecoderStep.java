package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;

/**
 * The result of one decoding step.
 *
 * @param logits unnormalised scores of the next token (B, V)
 * @param state the state to pass to the next step
 * @param attentionWeights the attention weights over the source (B, S), or {@code null} for a
 *     decoder without attention
 */
public record DecoderStep(NDArray logits, DecoderState state, NDArray attentionWeights) {}
