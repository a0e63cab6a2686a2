package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What a decoder carries from one step to the next. Every array is batch-first, so {@link #select}
 * can reorder or repeat rows (as beam search does) with one gather per array.
 *
 * @param memory the encoder outputs (B, S, M)
 * @param memoryLengths the valid source lengths (B) int64
 * @param rnnState the recurrent state, {@code h (B, L, H)} and for LSTM {@code c (B, L, H)}
 * @param feed an extra vector fed at the next step, or {@code null}: the fixed context (B, M) of
 *     the decoder without attention, or Luong's attentional state (B, H) with input feeding
 */
public record DecoderState(NDArray memory, NDArray memoryLengths, NDList rnnState, NDArray feed) {

    /**
     * Returns the state of the chosen rows, in the given order (rows may repeat).
     *
     * @param rows row indices (N) int64 into the batch
     * @return the state with batch size N
     */
    public DecoderState select(NDArray rows) {
        NDList selected = new NDList(rnnState.size());
        for (NDArray state : rnnState) {
            selected.add(state.get(rows));
        }
        return new DecoderState(
                memory.get(rows),
                memoryLengths.get(rows),
                selected,
                feed == null ? null : feed.get(rows));
    }

    /**
     * Returns this state with a new recurrent state and feed, keeping the memory.
     *
     * @param newRnnState the new {@code h[, c]}, each (B, L, H)
     * @param newFeed the new feed, or {@code null}
     * @return the new state
     */
    public DecoderState next(NDList newRnnState, NDArray newFeed) {
        return new DecoderState(memory, memoryLengths, newRnnState, newFeed);
    }

    /**
     * Returns the top layer's hidden state, the usual attention query.
     *
     * @return (B, H)
     */
    public NDArray topHidden() {
        NDArray h = rnnState.get(0); // (B, L, H)
        return h.get(":, -1, :"); // (B, H)
    }
}
