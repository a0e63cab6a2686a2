package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * The attention decoder of Bahdanau, Cho and Bengio (2015). At step t the previous state {@code
 * s_{t-1}} attends over the encoder outputs, and the context enters the recurrence:
 *
 * <pre>
 *   α_t = softmax(score(s_{t-1}, h_1..h_S)),   c_t = Σ_j α_tj h_j
 *   s_t = g([e(y_{t-1}); c_t], s_{t-1})
 *   p(y_t) = softmax(W [s_t; c_t; e(y_{t-1})] + b)
 * </pre>
 *
 * <p>The paper's output layer is a maxout over the same three inputs; a linear layer over their
 * concatenation is used here. The attention block takes {@code NDList(query (B, T, H), memory (B,
 * S, M), memoryLengths (B))} and returns {@code NDList(context (B, T, M), weights (B, T, S))}.
 */
public final class BahdanauDecoder extends Seq2SeqDecoder {

    private final Block attention;
    private final int embeddingSize;

    /**
     * Creates the decoder.
     *
     * @param config the model configuration
     * @param memorySize M
     * @param attention the attention block (query size H, memory size M)
     */
    public BahdanauDecoder(Seq2SeqConfig config, int memorySize, Block attention) {
        super(config, memorySize);
        this.embeddingSize = config.embeddingSize();
        this.attention = addChildBlock("attention", attention);
    }

    @Override
    protected int rnnInputSize() {
        return embeddingSize + memorySize;
    }

    @Override
    protected int featureSize() {
        return hiddenSize + memorySize + embeddingSize;
    }

    @Override
    protected void initializeAttention(NDManager manager, DataType dataType) {
        initializeAttention(attention, manager, dataType);
    }

    @Override
    protected Advance advance(
            ParameterStore ps, NDArray tokens, DecoderState state, boolean training) {
        NDArray query = state.topHidden().expandDims(1); // (B, 1, H)
        NDList attended =
                attention.forward(
                        ps, new NDList(query, state.memory(), state.memoryLengths()), training);
        NDArray context = attended.get(0); // (B, 1, M)
        NDArray e = embed(ps, tokens, training).expandDims(1); // (B, 1, E)
        NDList result = runRnn(ps, e.concat(context, 2), state.rnnState(), training);
        NDArray s = result.head(); // (B, 1, H)
        NDArray features = s.concat(context, 2).concat(e, 2).squeeze(1); // (B, H + M + E)
        NDArray weights = attended.get(1).squeeze(1); // (B, S)
        return new Advance(features, state.next(result.subNDList(1), null), weights);
    }
}
