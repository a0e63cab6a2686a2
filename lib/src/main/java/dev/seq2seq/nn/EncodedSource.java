package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What the encoder hands to a decoder's {@link Seq2SeqDecoder#initialState}: the first half of the
 * decoder contract. Shapes: B batch, S source steps, M memory size, L layers, H decoder hidden
 * size.
 *
 * @param memory the encoder outputs h_1..h_S (B, S, M); positions at or after a row's length are
 *     padding
 * @param memoryLengths the valid source lengths (B) int64
 * @param bridgedState the encoder's final state mapped by the {@link Bridge} to the decoder's
 *     initial recurrent state, {@code h (B, L, H)} and for LSTM {@code c (B, L, H)}; empty for a
 *     decoder that has no recurrent state
 * @param summary the encoder's final top-layer state (B, M), the fixed context of a decoder without
 *     attention; for the Transformer's encoder the mean of the memory over the valid positions,
 *     which its decoder does not use
 */
public record EncodedSource(
        NDArray memory, NDArray memoryLengths, NDList bridgedState, NDArray summary) {}
