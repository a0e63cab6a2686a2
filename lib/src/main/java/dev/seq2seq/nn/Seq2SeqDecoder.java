package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * The decoder contract: everything {@link dev.seq2seq.model.Seq2SeqModel}, the trainer and the
 * searches need from a decoder, so that a new decoder is added by implementing these three methods
 * and one state type.
 *
 * <ol>
 *   <li>{@link #initialState}: from the encoder's output ({@link EncodedSource}) to the state
 *       before the first step. The state type is the decoder's own ({@link DecoderState}); it keeps
 *       the memory it needs and whatever a step passes to the next.
 *   <li>{@link #step}: one output position. Given the previous tokens y_{t-1} (B) ({@code <bos>} at
 *       the first step) and the state, returns the next-token logits (B, V), the new state and the
 *       attention weights over the source (B, S), or {@code null} for a decoder without attention.
 *       A step must not change the state it is given (searches may keep it), and must not read a
 *       row of the state other than its own (searches reorder and drop rows).
 *   <li>{@link #teacherForced}: all T positions at once on the reference prefix (teacher forcing),
 *       for training. Its logits must equal those of T calls of {@link #step} fed with the same
 *       tokens (up to floating-point rounding); a decoder may compute them faster (fused over T),
 *       which is the reason this method exists.
 * </ol>
 *
 * <p>Padding: the memory of row b is valid for positions {@code < memoryLengths[b]}; attention
 * weights must be exactly 0 beyond them and logits must not depend on them. Shapes are batch-first:
 * B batch, S source steps, T target steps, M memory size, V target vocabulary.
 *
 * <p>Implementations here: {@link PlainDecoder} (no attention), {@link BahdanauDecoder}, {@link
 * LuongDecoder}; the recurrent ones share {@link RecurrentDecoder}. {@code
 * nn.transformer.TransformerDecoder} caches its self-attention keys and values in its state. {@code
 * DecoderContract}'s tests (in the test sources) are what a new decoder must pass.
 */
public interface Seq2SeqDecoder extends Block {

    /**
     * Builds the state before the first step, computing once what every step needs from the source
     * alone (e.g. the attention's projected keys, see {@code AttentionBlock.prepare}).
     *
     * @param ps the parameter store
     * @param encoded the encoder's output
     * @param training whether in training mode
     * @return the initial state, of this decoder's own state type
     */
    DecoderState initialState(ParameterStore ps, EncodedSource encoded, boolean training);

    /**
     * Runs one decoding step.
     *
     * @param ps the parameter store
     * @param tokens the previous tokens y_{t-1} (B) int64
     * @param state the state after the previous step, of this decoder's state type
     * @param training whether in training mode (dropout)
     * @return the next-token logits (B, V), the new state and the attention weights (B, S) or null
     * @throws IllegalArgumentException if the state belongs to another decoder, or {@code tokens}
     *     is not (B), naming expected and actual
     */
    DecoderStep step(ParameterStore ps, NDArray tokens, DecoderState state, boolean training);

    /**
     * Runs all T steps on the reference prefix (teacher forcing).
     *
     * @param ps the parameter store
     * @param targetInput {@code <bos>} then the reference tokens (B, T) int64
     * @param state the initial state
     * @param training whether in training mode (dropout)
     * @return the logits (B, T, V) and the attention weights (B, T, S) or null
     * @throws IllegalArgumentException if the state belongs to another decoder
     */
    TeacherForcedOutput teacherForced(
            ParameterStore ps, NDArray targetInput, DecoderState state, boolean training);

    /**
     * Sets who hears where the decoder's part of each forward pass and the output projection end;
     * the model passes its own listener on ({@code Seq2SeqModel.setForwardListener}).
     *
     * @param listener the listener, {@link ForwardListener#NONE} to stop telling
     * @throws NullPointerException if {@code listener} is null
     */
    void setForwardListener(ForwardListener listener);
}
