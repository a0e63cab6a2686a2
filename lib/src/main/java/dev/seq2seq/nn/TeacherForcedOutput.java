package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What {@link Seq2SeqDecoder#teacherForced} returns. Shapes: B batch, T target steps, S source
 * steps, V target vocabulary.
 *
 * @param logits unnormalised next-token scores at every position (B, T, V)
 * @param attentionWeights the attention weights (B, T, S), or {@code null} for a decoder without
 *     attention
 */
public record TeacherForcedOutput(NDArray logits, NDArray attentionWeights) {

    /**
     * Returns the arrays as DJL's block output: {@code NDList(logits[, attentionWeights])}.
     *
     * @return the list
     */
    public NDList toNDList() {
        return attentionWeights == null ? new NDList(logits) : new NDList(logits, attentionWeights);
    }
}
