package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The encoder outputs as attention reads them at every decoder step, prepared once per source by
 * {@link AttentionBlock#prepare}: everything that does not depend on the step is computed here, not
 * T times.
 *
 * <p>B: batch, S: source steps, M: memory size, K: prepared key size.
 *
 * @param values the memory (B, S, M), averaged into the context vector
 * @param keys the memory as the score prepared it (B, S, K): the additive score's projected keys
 *     {@code W_k h_s}, or the values themselves (the same array) for scores that use them as they
 *     are
 * @param lengths the valid source lengths (B) int64, each in [1, S]
 * @param paddingBias 0 at valid positions and −∞ at padding (B, 1, S), in the values' data type:
 *     added to the scores before the softmax, it gives padding a weight of exactly 0
 */
public record AttentionMemory(NDArray values, NDArray keys, NDArray lengths, NDArray paddingBias) {

    /**
     * Returns B.
     *
     * @return the number of rows
     */
    public long batchSize() {
        return values.getShape().get(0);
    }

    /**
     * Returns the distinct arrays (the keys only when they are not the values).
     *
     * @return values, lengths, padding bias and, when distinct, keys
     */
    public NDList arrays() {
        NDList arrays = new NDList(values, lengths, paddingBias);
        if (keys != values) {
            arrays.add(keys);
        }
        return arrays;
    }

    /**
     * Gathers rows, e.g. to repeat each sentence for its beam hypotheses or to drop finished ones.
     *
     * @param rows the row of this memory each new row copies (B') int64
     * @return the memory of the new rows (B', ...)
     */
    public AttentionMemory select(NDArray rows) {
        NDArray picked = values.get(rows);
        return new AttentionMemory(
                picked,
                keys == values ? picked : keys.get(rows),
                lengths.get(rows),
                paddingBias.get(rows));
    }
}
