package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What a decoder carries from one step to the next: the half of the {@link Seq2SeqDecoder} contract
 * that searches see. Each decoder defines its own state type (a record nested in the decoder, such
 * as {@link BahdanauDecoder.State}); searches never look inside it, they only move its rows.
 *
 * <p>A state holds two kinds of arrays, all batch-first (row b belongs to sentence or hypothesis
 * b):
 *
 * <ul>
 *   <li>the <em>memory</em>: what the decoder reads from the encoder and never changes during the
 *       search (encoder outputs (B, S, M) and source lengths (B), or a fixed context (B, M));
 *   <li>the <em>step state</em>: what each step replaces (a recurrent state (B, L, H), a vector fed
 *       to the next step, cached keys and values).
 * </ul>
 *
 * <p>Beam search keeps the K hypotheses of one sentence in K adjacent rows with identical memory,
 * so when it reorders hypotheses it gathers only the step state ({@link #reorder}); when it drops
 * finished sentences it gathers everything ({@link #select}).
 */
public interface DecoderState {

    /**
     * Returns B, the number of rows.
     *
     * @return the batch size
     */
    long batchSize();

    /**
     * Returns the arrays that stay the same from step to step.
     *
     * @return the memory arrays, each (B, ...)
     */
    NDList memoryArrays();

    /**
     * Returns the arrays that each step replaces.
     *
     * @return the step-state arrays, each (B, ...)
     */
    NDList stepArrays();

    /**
     * Returns every array of the state, memory first, for moving the state between memory scopes.
     *
     * @return {@link #memoryArrays()} then {@link #stepArrays()}
     */
    default NDList arrays() {
        NDList all = new NDList(memoryArrays());
        all.addAll(stepArrays());
        return all;
    }

    /**
     * Returns the state of the chosen rows, in the given order (rows may repeat), memory included.
     *
     * @param rows row indices (N) int64 into the batch
     * @return the state with batch size N
     */
    DecoderState select(NDArray rows);

    /**
     * Returns the state with its step state gathered into the given row order and its memory kept
     * as it is. Valid only when every row {@code i} continues a row {@code rows[i]} whose memory is
     * the same (the hypotheses of one sentence in beam search).
     *
     * @param rows row indices (B) int64 into the batch
     * @return the state with the same batch size and memory
     */
    DecoderState reorder(NDArray rows);

    /**
     * Gathers rows of every array in a list.
     *
     * @param arrays arrays, each (B, ...)
     * @param rows row indices (N) int64
     * @return the gathered arrays, each (N, ...), in the same order
     */
    static NDList gather(NDList arrays, NDArray rows) {
        NDList gathered = new NDList(arrays.size());
        for (NDArray array : arrays) {
            gathered.add(array.get(rows));
        }
        return gathered;
    }
}
