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
public final class PlainDecoder extends Seq2SeqDecoder {

    private final int embeddingSize;

    /**
     * Creates the decoder.
     *
     * @param config the model configuration
     * @param memorySize M, the size of the context vector
     */
    public PlainDecoder(Seq2SeqConfig config, int memorySize) {
        super(config, memorySize);
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
    protected void initializeAttention(NDManager manager, DataType dataType) {}

    @Override
    public DecoderState initialState(
            NDArray memory, NDArray memoryLengths, NDList initial, NDArray summary) {
        return new DecoderState(memory, memoryLengths, initial, summary);
    }

    @Override
    protected Advance advance(
            ParameterStore ps, NDArray tokens, DecoderState state, boolean training) {
        NDArray e = embed(ps, tokens, training); // (B, E)
        NDArray input = e.concat(state.feed(), 1).expandDims(1); // (B, 1, E + M)
        NDList result = runRnn(ps, input, state.rnnState(), training);
        NDArray s = result.head().squeeze(1); // (B, H)
        return new Advance(s, state.next(result.subNDList(1), state.feed()), null);
    }

    @Override
    public NDList teacherForced(
            ParameterStore ps, NDArray targetInput, DecoderState state, boolean training) {
        long t = targetInput.getShape().get(1);
        NDArray e = embed(ps, targetInput, training); // (B, T, E)
        NDArray c = state.feed().expandDims(1).repeat(1, t); // (B, T, M)
        NDList result = runRnn(ps, e.concat(c, 2), state.rnnState(), training);
        return new NDList(project(ps, result.head(), training)); // (B, T, V)
    }
}
