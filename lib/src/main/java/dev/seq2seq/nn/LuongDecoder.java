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
 * The attention decoder of Luong, Pham and Manning (2015). The current state {@code s_t} attends,
 * and an attentional hidden state combines context and state:
 *
 * <pre>
 *   s_t = g(x_t, s_{t-1}),   x_t = e(y_{t-1})  or, with input feeding, [e(y_{t-1}); h̃_{t-1}]
 *   α_t = softmax(score(s_t, h_1..h_S)),   c_t = Σ_j α_tj h_j
 *   h̃_t = tanh(W_c [c_t; s_t]),   p(y_t) = softmax(W_s h̃_t + b)
 * </pre>
 *
 * <p>Without input feeding the recurrence does not depend on attention, so under teacher forcing
 * the RNN runs fused over all T steps and attention is computed for all steps at once, (B, T, H)
 * against (B, S, M): the fastest decoder to train. The attention block takes {@code NDList(query
 * (B, T, H), memory (B, S, M), memoryLengths (B))} and returns {@code NDList(context (B, T, M),
 * weights (B, T, S))}; global or local-p attention both fit.
 */
public final class LuongDecoder extends RecurrentDecoder<LuongDecoder.State> {

    /**
     * The state of a {@link LuongDecoder}.
     *
     * @param memory the encoder outputs as attention reads them, prepared once per source (values
     *     (B, S, M), keys, lengths, padding bias)
     * @param rnnState the recurrent state s_{t-1}, {@code h (B, L, H)} and for LSTM {@code c (B, L,
     *     H)}
     * @param attentional the attentional state h̃_{t-1} (B, H) fed to the next step with input
     *     feeding (zeros before the first step), or {@code null} without input feeding
     */
    public record State(AttentionMemory memory, NDList rnnState, NDArray attentional)
            implements DecoderState {
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
            NDList step = new NDList(rnnState);
            if (attentional != null) {
                step.add(attentional);
            }
            return step;
        }

        @Override
        public State select(NDArray rows) {
            return new State(
                    memory.select(rows),
                    DecoderState.gather(rnnState, rows),
                    attentional == null ? null : attentional.get(rows));
        }

        @Override
        public State reorder(NDArray rows) {
            return new State(
                    memory,
                    DecoderState.gather(rnnState, rows),
                    attentional == null ? null : attentional.get(rows));
        }
    }

    private final AttentionBlock attention;
    private final Linear combine;
    private final int embeddingSize;
    private final boolean inputFeeding;

    /**
     * Creates the decoder.
     *
     * @param config the model configuration ({@code inputFeeding} is read from it)
     * @param memorySize M
     * @param attention the attention block (query size H, memory size M)
     */
    public LuongDecoder(Seq2SeqConfig config, int memorySize, AttentionBlock attention) {
        super(config, memorySize, State.class);
        this.embeddingSize = config.embeddingSize();
        this.inputFeeding = config.recurrent().inputFeeding();
        this.attention = addChildBlock("attention", attention);
        this.combine =
                addChildBlock(
                        "combine", Linear.builder().setUnits(hiddenSize).optBias(false).build());
    }

    @Override
    protected int rnnInputSize() {
        return inputFeeding ? embeddingSize + hiddenSize : embeddingSize;
    }

    @Override
    protected int featureSize() {
        return hiddenSize;
    }

    @Override
    protected void initializeOwnBlocks(NDManager manager, DataType dataType) {
        initializeAttention(attention, manager, dataType);
        combine.initialize(manager, dataType, new Shape(1, hiddenSize + memorySize));
    }

    @Override
    public State initialState(ParameterStore ps, EncodedSource encoded, boolean training) {
        NDArray memory = encoded.memory();
        NDArray feed =
                inputFeeding
                        ? memory.getManager().zeros(new Shape(memory.getShape().get(0), hiddenSize))
                        : null; // (B, H)
        AttentionMemory prepared = attention.prepare(ps, memory, encoded.memoryLengths(), training);
        return new State(prepared, encoded.bridgedState(), feed);
    }

    @Override
    protected Advance<State> advance(
            ParameterStore ps, NDArray embedded, State state, boolean training) {
        NDArray x = embedded; // (B, E)
        if (inputFeeding) {
            x = x.concat(state.attentional(), 1); // (B, E + H)
        }
        NDList result = runRnn(ps, x.expandDims(1), state.rnnState(), training);
        NDList attended = attend(ps, result.head(), state, training);
        NDArray attentional = attended.get(0).squeeze(1); // (B, H)
        NDArray weights = attended.get(1).squeeze(1); // (B, S)
        State next =
                new State(state.memory(), result.subNDList(1), inputFeeding ? attentional : null);
        return new Advance<>(attentional, next, weights);
    }

    @Override
    public TeacherForcedOutput teacherForced(
            ParameterStore ps, NDArray targetInput, DecoderState state, boolean training) {
        State initial = own(state);
        if (inputFeeding) {
            return stepByStep(ps, targetInput, initial, training);
        }
        NDArray e = embed(ps, targetInput, training); // (B, T, E)
        NDArray s = runRnn(ps, e, initial.rnnState(), training).head(); // (B, T, H)
        NDList attended = attend(ps, s, initial, training);
        return new TeacherForcedOutput(project(ps, attended.get(0), training), attended.get(1));
    }

    /** Attends with states (B, T, H); returns (h̃ (B, T, H), weights (B, T, S)). */
    private NDList attend(ParameterStore ps, NDArray s, State state, boolean training) {
        NDList attended = attention.attend(ps, s, state.memory(), training);
        NDArray context = attended.get(0); // (B, T, M)
        NDArray combined = combine.forward(ps, new NDList(context.concat(s, 2)), training).head();
        return new NDList(combined.tanh(), attended.get(1)); // (B, T, H), (B, T, S)
    }
}
