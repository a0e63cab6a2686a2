package dev.seq2seq.decode;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import dev.seq2seq.nn.DecoderState;

/**
 * Gathers the rows of a {@link DecoderState} into a new order, for {@link BeamSearch} and {@link
 * StepwiseSearch}, in a scope of their own: the gathered arrays move to the search's manager and
 * the old ones are closed, so a long search does not accumulate native memory. Shapes: N rows
 * before, N' rows after (both B·K for a reorder), L layers, H hidden size.
 */
final class StateGather {

    private StateGather() {}

    /**
     * Gathers the step state ({@link DecoderState#reorder}) into the new row order and closes the
     * old step arrays. The memory is kept as it is: every row continues a row of the same sentence,
     * whose memory is the same.
     */
    static DecoderState recurrent(NDManager manager, DecoderState state, long[] rows) {
        NDList old = state.stepArrays();
        DecoderState next;
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(old);
            next = state.reorder(scope.create(rows)); // (B·K, ...)
            next.stepArrays().attach(manager);
        }
        old.close();
        return next;
    }

    /**
     * Gathers every array of the state, memory included, into the given rows, dropping the rows of
     * sentences that are done, so that later steps compute only unfinished sentences. The search
     * must not use the state it passed in afterwards: its arrays are closed.
     */
    static DecoderState all(NDManager manager, DecoderState state, long[] rows) {
        NDList old = state.arrays();
        DecoderState next;
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(old);
            next = state.select(scope.create(rows)); // (B'·K, ...)
            next.arrays().attach(manager);
        }
        old.close();
        return next;
    }
}
