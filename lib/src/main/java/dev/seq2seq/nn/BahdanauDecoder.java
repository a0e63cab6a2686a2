package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import dev.seq2seq.attention.AttentionBlock;
import dev.seq2seq.attention.AttentionMemory;

/**
 * The attention decoder of Bahdanau, Cho and Bengio (2015). At step t the previous state {@code
 * s_{t-1}} attends over the encoder outputs, and the context enters the recurrence:
 *
 * <pre>
 *   α_t = softmax(score(s_{t-1}, h_1..h_S)),   c_t = Σ_j α_tj h_j
 *   s_t = g([e(y_{t-1}); c_t], s_{t-1})
 *   r_t = maxout_2(U [s_t; c_t; e(y_{t-1})])      (the "deep output" readout, size H)
 *   p(y_t) = softmax(W r_t + b)
 * </pre>
 *
 * <p>The readout follows the paper's deep output with a maxout of pool size 2 (its appendix A.2.2;
 * the paper feeds {@code s_{t-1}}, here the new state {@code s_t} as most implementations do). It
 * also keeps the costly vocabulary projection at H inputs instead of H + M + E. The attention block
 * takes {@code NDList(query (B, T, H), memory (B, S, M), memoryLengths (B))} and returns {@code
 * NDList(context (B, T, M), weights (B, T, S))}.
 */
public final class BahdanauDecoder extends RecurrentDecoder<BahdanauDecoder.State> {

    /**
     * The state of a {@link BahdanauDecoder}.
     *
     * @param memory the encoder outputs as attention reads them, prepared once per source (values
     *     (B, S, M), keys, lengths, padding bias)
     * @param rnnState the recurrent state s_{t-1}, {@code h (B, L, H)} and for LSTM {@code c (B, L,
     *     H)}
     */
    public record State(AttentionMemory memory, NDList rnnState) implements DecoderState {
        @Override
        public long batchSize() {
            return memory.batchSize();
        }

        @Override
        public NDList memoryArrays() {
            return memory.arrays();
        }

        @Override
        public NDList stepArrays() {
            return new NDList(rnnState);
        }

        @Override
        public State select(NDArray rows) {
            return new State(memory.select(rows), DecoderState.gather(rnnState, rows));
        }

        @Override
        public State reorder(NDArray rows) {
            return new State(memory, DecoderState.gather(rnnState, rows));
        }
    }

    private final AttentionBlock attention;
    private final Linear readout;
    private final int embeddingSize;

    /**
     * Creates the decoder.
     *
     * @param config the model configuration
     * @param memorySize M
     * @param attention the attention block (query size H, memory size M)
     */
    public BahdanauDecoder(Seq2SeqConfig config, int memorySize, AttentionBlock attention) {
        super(config, memorySize, State.class);
        this.embeddingSize = config.embeddingSize();
        this.attention = addChildBlock("attention", attention);
        this.readout = addChildBlock("readout", Linear.builder().setUnits(2L * hiddenSize).build());
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
    protected void initializeOwnBlocks(NDManager manager, DataType dataType) {
        initializeAttention(attention, manager, dataType);
        readout.initialize(
                manager, dataType, new Shape(1, hiddenSize + memorySize + embeddingSize));
    }

    @Override
    public State initialState(ParameterStore ps, EncodedSource encoded, boolean training) {
        AttentionMemory memory =
                attention.prepare(ps, encoded.memory(), encoded.memoryLengths(), training);
        return new State(memory, encoded.bridgedState());
    }

    @Override
    protected Advance<State> advance(
            ParameterStore ps, NDArray embedded, State state, boolean training) {
        NDArray query = topHidden(state.rnnState()).expandDims(1); // (B, 1, H)
        NDList attended = attention.attend(ps, query, state.memory(), training);
        NDArray context = attended.get(0); // (B, 1, M)
        NDArray e = embedded.expandDims(1); // (B, 1, E)
        NDList result = runRnn(ps, e.concat(context, 2), state.rnnState(), training);
        NDArray s = result.head(); // (B, 1, H)
        NDArray deep = s.concat(context, 2).concat(e, 2).squeeze(1); // (B, H + M + E)
        NDArray pooled = readout.forward(ps, new NDList(deep), training).head(); // (B, 2H)
        NDArray features = pooled.reshape(-1, hiddenSize, 2).max(new int[] {2}); // (B, H)
        NDArray weights = attended.get(1).squeeze(1); // (B, S)
        State next = new State(state.memory(), result.subNDList(1));
        return new Advance<>(features, next, weights);
    }
}
