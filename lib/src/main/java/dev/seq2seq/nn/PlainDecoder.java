package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;

/**
 * The decoder without attention (Cho et al. 2014; Sutskever et al. 2014): the encoder's final
 * top-layer state is a fixed context vector {@code c} (B, M) fed at every step,
 *
 * <pre>
 *   s_t = g([e(y_{t-1}); c], s_{t-1}),    p(y_t) = softmax(W s_t + b)
 * </pre>
 *
 * <p>Everything the decoder knows about the source passes through {@code c}: the bottleneck that
 * attention removes. Under teacher forcing the recurrence does not depend on its own outputs, so
 * all T steps run in one fused RNN call.
 */
public final class PlainDecoder extends RecurrentDecoder<PlainDecoder.State> {

    /**
     * The state of a {@link PlainDecoder}.
     *
     * @param context the fixed context vector c (B, M), the encoder's final top-layer state: the
     *     memory, fed at every step
     * @param rnnState the recurrent state, {@code h (B, L, H)} and for LSTM {@code c (B, L, H)}
     */
    public record State(NDArray context, NDList rnnState) implements DecoderState {
        @Override
        public long batchSize() {
            return context.getShape().get(0);
        }

        @Override
        public NDList memoryArrays() {
            return new NDList(context);
        }

        @Override
        public NDList stepArrays() {
            return new NDList(rnnState);
        }

        @Override
        public State select(NDArray rows) {
            return new State(context.get(rows), DecoderState.gather(rnnState, rows));
        }

        @Override
        public State reorder(NDArray rows) {
            return new State(context, DecoderState.gather(rnnState, rows));
        }
    }

    private final int embeddingSize;

    /**
     * Creates the decoder.
     *
     * @param config the model configuration
     * @param memorySize M, the size of the context vector
     */
    public PlainDecoder(Seq2SeqConfig config, int memorySize) {
        super(config, memorySize, State.class);
        this.embeddingSize = config.embeddingSize();
    }

    @Override
    protected int rnnInputSize() {
        return embeddingSize + memorySize;
    }

    @Override
    protected int featureSize() {
        return hiddenSize;
    }

    @Override
    protected void initializeOwnBlocks(NDManager manager, DataType dataType) {}

    @Override
    public State initialState(ParameterStore ps, EncodedSource encoded, boolean training) {
        return new State(encoded.summary(), encoded.bridgedState());
    }

    @Override
    protected Advance<State> advance(
            ParameterStore ps, NDArray embedded, State state, boolean training) {
        NDArray input = embedded.concat(state.context(), 1).expandDims(1); // (B, 1, E + M)
        NDList result = runRnn(ps, input, state.rnnState(), training);
        NDArray s = result.head().squeeze(1); // (B, H)
        return new Advance<>(s, new State(state.context(), result.subNDList(1)), null);
    }

    @Override
    public TeacherForcedOutput teacherForced(
            ParameterStore ps, NDArray targetInput, DecoderState state, boolean training) {
        State initial = own(state);
        long t = targetInput.getShape().get(1);
        NDArray e = embed(ps, targetInput, training); // (B, T, E)
        NDArray c = initial.context().expandDims(1).repeat(1, t); // (B, T, M)
        NDList result = runRnn(ps, e.concat(c, 2), initial.rnnState(), training);
        return new TeacherForcedOutput(project(ps, result.head(), training), null); // (B, T, V)
    }
}
