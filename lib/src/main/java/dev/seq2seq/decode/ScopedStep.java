package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;

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
     * @param output the log-probabilities (B, V), or each row's C most probable tokens (B, C), and
     *     the attention weights (B, S) or none
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
     * @param candidates C: copy only each row's C most probable tokens, or V (or more) for the
     *     whole distribution
     * @return the host copies and the new state
     */
    static Result run(
            Seq2SeqModel model,
            ParameterStore ps,
            NDManager manager,
            long[] tokens,
            DecoderState state,
            int candidates) {
        NDList old = state.arrays();
        DecoderState next;
        StepOutput output;
        try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(old);
            DecoderStep step = model.step(ps, scope.create(tokens), state, false);
            NDArray logits = step.logits(); // (B, V)
            NDArray weights = step.attentionWeights(); // (B, S) or null
            output = hostCopy(logits.logSoftmax(1), candidates, weights);
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
     * Copies a step's log-probabilities to the host: each row's C most probable tokens, ranked on
     * the engine, or the whole (B, V) when C ≥ V. One more candidate than asked is ranked, to see
     * whether the C-th ties with the next: then which of the tied tokens is ranked C-th would be up
     * to the engine, and the whole distribution is copied instead, so that ties still go to the
     * lowest id.
     *
     * @param logProbs (B, V)
     * @param candidates C
     * @param weights (B, S) or null
     * @return the host copies
     */
    static StepOutput hostCopy(NDArray logProbs, int candidates, NDArray weights) {
        int v = (int) logProbs.getShape().get(1);
        float[] attention = weights == null ? null : weights.toFloatArray();
        int sourceSteps = weights == null ? 0 : (int) weights.getShape().get(1);
        if (candidates < v) {
            int ranked = candidates + 1;
            NDList top = logProbs.topK(ranked, 1, true, true);
            float[] values = top.get(0).toFloatArray(); // (B, C + 1)
            long[] ids = top.get(1).toLongArray();
            int rows = values.length / ranked;
            boolean tieAtTheCut = false;
            for (int r = 0; r < rows && !tieAtTheCut; r++) {
                tieAtTheCut =
                        values[r * ranked + candidates - 1] == values[r * ranked + candidates];
            }
            if (!tieAtTheCut) {
                float[] kept = new float[rows * candidates];
                int[] tokens = new int[rows * candidates];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < candidates; j++) {
                        kept[r * candidates + j] = values[r * ranked + j];
                        tokens[r * candidates + j] = (int) ids[r * ranked + j];
                    }
                }
                return new StepOutput(kept, tokens, candidates, v, attention, sourceSteps)
                        .tiesInIdOrder();
            }
        }
        return new StepOutput(logProbs.toFloatArray(), v, attention, sourceSteps);
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
