package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.Seq2SeqModel;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Runs one decoder step in its own memory scope, so that a long search does not accumulate native
 * memory: the step's temporaries are freed when it ends, the new state moves to the search's
 * manager, and the arrays of the old state that the new state no longer uses are closed. {@link
 * #encode} does the same for the encoder.
 */
final class ScopedStep {

    /**
     * The host copies a search keeps from a step, and the new state.
     *
     * @param output the log-probabilities (B, V) and attention weights (B, S) or none
     * @param state the new state, owned by the search's manager
     */
    record Result(StepOutput output, DecoderState state) {}

    private ScopedStep() {}

    /**
     * Runs {@code model.step} on {@code tokens} and {@code state}.
     *
     * @param model the model
     * @param ps the parameter store
     * @param manager the search's manager, which owns the state
     * @param tokens the previous tokens (B)
     * @param state the current state (owned by {@code manager})
     * @return the host copies and the new state
     */
    static Result run(
            Seq2SeqModel model,
            ParameterStore ps,
            NDManager manager,
            long[] tokens,
            DecoderState state) {
        NDList old = state.arrays();
        DecoderState next;
        StepOutput output;
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(old);
            DecoderStep step = model.step(ps, scope.create(tokens), state, false);
            NDArray logits = step.logits(); // (B, V)
            NDArray weights = step.attentionWeights(); // (B, S) or null
            output =
                    new StepOutput(
                            logits.logSoftmax(1).toFloatArray(),
                            (int) logits.getShape().get(1),
                            weights == null ? null : weights.toFloatArray(),
                            weights == null ? 0 : (int) weights.getShape().get(1));
            next = step.state();
            Set<NDArray> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            kept.addAll(old);
            for (NDArray array : next.arrays()) {
                if (!kept.contains(array)) {
                    array.attach(manager);
                }
            }
        }
        Set<NDArray> live = Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(next.arrays());
        for (NDArray array : old) {
            if (!live.contains(array)) {
                array.close();
            }
        }
        return new Result(output, next);
    }

    /**
     * Encodes a batch in its own scope and returns the initial state of the chosen rows, owned by
     * {@code manager}; the encoder's intermediate arrays are freed, and the state shares no array
     * with the caller's inputs.
     *
     * @param model the model
     * @param ps the parameter store
     * @param manager the search's manager, which will own the state
     * @param source source ids (B, S) int64
     * @param sourceLengths valid lengths (B) int64
     * @param rows the rows to keep, in order, repeats allowed (N) int64 indices into B
     * @return the state with batch size N
     */
    static DecoderState encode(
            Seq2SeqModel model,
            ParameterStore ps,
            NDManager manager,
            NDArray source,
            NDArray sourceLengths,
            long[] rows) {
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(source, sourceLengths);
            DecoderState encoded = model.encode(ps, source, sourceLengths, false);
            DecoderState state = encoded.select(scope.create(rows));
            state.arrays().attach(manager);
            return state;
        }
    }
}
