package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;
import dev.seq2seq.attention.AttentionBlock;

import java.util.Objects;

/**
 * The common part of the recurrent decoders: a target embedding, a recurrent network, and an output
 * layer that maps each step's features to vocabulary scores, {@code p(y_t) = softmax(W f_t + b)}.
 *
 * <p>A subclass defines its state type {@code S} and one step ({@link #advance}): how the previous
 * token and the state give the step's features. {@link #step} adds the output layer, for search.
 * {@link #teacherForced} runs all T steps on the reference tokens (teacher forcing) and projects
 * all features to the vocabulary in one (B·T, F) x (F, V) product, the costliest operation of
 * training; subclasses whose recurrence does not depend on attention override it to run the RNN
 * fused over T.
 *
 * <p>Shapes: B batch, S source steps, T target steps, E embedding, H hidden, M memory, L layers, F
 * features, V target vocabulary.
 *
 * @param <S> the decoder's state type
 */
public abstract class RecurrentDecoder<S extends DecoderState> extends AbstractBlock
        implements Seq2SeqDecoder {

    /** The target-token embedding. */
    protected final TokenEmbedding embedding;

    /** Dropout on embeddings and on features before the output layer. */
    protected final Dropout dropout;

    /** The decoder's recurrent network, batch first. */
    protected final RecurrentBlock rnn;

    /** The output layer, F to V. */
    protected final Linear output;

    /** H, the decoder's hidden size. */
    protected final int hiddenSize;

    /** M, the size of one encoder output. */
    protected final int memorySize;

    /** L, the number of layers. */
    protected final int layers;

    private final Class<S> stateType;

    private volatile ForwardListener forwardListener = ForwardListener.NONE;

    /**
     * Creates the common parts.
     *
     * @param config the model configuration
     * @param memorySize M
     * @param stateType the class of this decoder's state, to check the states it is given
     */
    protected RecurrentDecoder(Seq2SeqConfig config, int memorySize, Class<S> stateType) {
        this.hiddenSize = config.hiddenSize();
        this.memorySize = memorySize;
        this.layers = config.recurrent().layers();
        this.stateType = stateType;
        this.embedding =
                addChildBlock(
                        "embedding",
                        new TokenEmbedding(config.targetVocabularySize(), config.embeddingSize()));
        this.dropout =
                addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        this.rnn =
                addChildBlock(
                        "rnn",
                        RecurrentCells.create(
                                config.recurrent().cell(),
                                hiddenSize,
                                layers,
                                false,
                                config.dropout()));
        this.output =
                addChildBlock(
                        "output", Linear.builder().setUnits(config.targetVocabularySize()).build());
    }

    /**
     * Returns the size of the recurrent network's input at one step.
     *
     * @return E plus whatever the subclass feeds in
     */
    protected abstract int rnnInputSize();

    /**
     * Returns F, the size of the features the output layer reads.
     *
     * @return the feature size
     */
    protected abstract int featureSize();

    /**
     * Initialises the blocks the subclass adds (attention, readout, combination layer), given the
     * shapes they will see. Called after the common blocks, in a fixed order, so that the same seed
     * gives the same parameters.
     *
     * @param manager the manager of the parameters
     * @param dataType the parameter type
     */
    protected abstract void initializeOwnBlocks(NDManager manager, DataType dataType);

    /**
     * Initialises an attention block for queries of size H over memory of size M.
     *
     * @param attention the attention block
     * @param manager the manager of the parameters
     * @param dataType the parameter type
     */
    protected void initializeAttention(
            AttentionBlock attention, NDManager manager, DataType dataType) {
        attention.initialize(
                manager,
                dataType,
                new Shape(1, 1, hiddenSize),
                new Shape(1, 1, memorySize),
                new Shape(1));
    }

    /**
     * Runs one step without the output layer.
     *
     * @param ps the parameter store
     * @param embedded the previous tokens embedded, e(y_{t-1}) (B, E), after dropout (see {@link
     *     #embed}): under teacher forcing all T steps are embedded in one call
     * @param state the state after step t-1
     * @param training whether in training mode (dropout)
     * @return the features f_t (B, F), the new state, and attention weights (B, S) or null
     */
    protected abstract Advance<S> advance(
            ParameterStore ps, NDArray embedded, S state, boolean training);

    /**
     * What {@link #advance} returns.
     *
     * @param features f_t (B, F)
     * @param state the new state
     * @param weights the attention weights (B, S), or null
     * @param <S> the decoder's state type
     */
    protected record Advance<S>(NDArray features, S state, NDArray weights) {}

    @Override
    public DecoderStep step(
            ParameterStore ps, NDArray tokens, DecoderState state, boolean training) {
        S own = own(state);
        Shapes.check("tokens", tokens, "B", own.batchSize());
        Advance<S> a = advance(ps, embed(ps, tokens, training), own, training);
        return new DecoderStep(project(ps, a.features(), training), a.state(), a.weights());
    }

    @Override
    public TeacherForcedOutput teacherForced(
            ParameterStore ps, NDArray targetInput, DecoderState state, boolean training) {
        S current = own(state);
        Shapes.check("targetInput", targetInput, "B, T", current.batchSize(), Shapes.ANY);
        return stepByStep(ps, targetInput, current, training);
    }

    /**
     * Embeds the reference tokens of all T steps at once, runs {@link #advance} T times and
     * projects all features at once.
     *
     * @param ps the parameter store
     * @param targetInput (B, T) int64
     * @param state the initial state
     * @param training whether in training mode
     * @return logits (B, T, V) and the attention weights (B, T, S) if any
     */
    protected TeacherForcedOutput stepByStep(
            ParameterStore ps, NDArray targetInput, S state, boolean training) {
        long t = targetInput.getShape().get(1);
        NDArray embedded = embed(ps, targetInput, training); // (B, T, E): one call for all steps
        NDList features = new NDList();
        NDList weights = new NDList();
        S current = state;
        for (int step = 0; step < t; step++) {
            Advance<S> a = advance(ps, embedded.get(":, {}", step), current, training); // (B, E)
            features.add(a.features());
            if (a.weights() != null) {
                weights.add(a.weights());
            }
            current = a.state();
        }
        NDArray logits = project(ps, NDArrays.stack(features, 1), training); // (B, T, V)
        return new TeacherForcedOutput(
                logits, weights.isEmpty() ? null : NDArrays.stack(weights, 1)); // (B, T, S)
    }

    /**
     * Casts a state to this decoder's state type.
     *
     * @param state a state
     * @return the state as {@code S}
     * @throws IllegalArgumentException if the state belongs to another decoder
     */
    protected S own(DecoderState state) {
        if (!stateType.isInstance(state)) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName()
                            + " expects a "
                            + stateType.getName()
                            + ", got "
                            + (state == null ? "null" : state.getClass().getName()));
        }
        return stateType.cast(state);
    }

    @Override
    public void setForwardListener(ForwardListener listener) {
        this.forwardListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Applies dropout and the output layer; tells the {@link ForwardListener} where the decoder's
     * part of a forward pass and the output projection end.
     *
     * @param ps the parameter store
     * @param features (..., F)
     * @param training whether in training mode
     * @return logits (..., V)
     */
    protected NDArray project(ParameterStore ps, NDArray features, boolean training) {
        forwardListener.partEnded(ForwardListener.Part.DECODER);
        NDArray dropped = dropout.forward(ps, new NDList(features), training).head();
        NDArray logits = output.forward(ps, new NDList(dropped), training).head();
        forwardListener.partEnded(ForwardListener.Part.OUTPUT_PROJECTION);
        return logits;
    }

    /**
     * Embeds tokens with dropout.
     *
     * @param ps the parameter store
     * @param tokens ids (B) or (B, T)
     * @param training whether in training mode
     * @return (B, E) or (B, T, E)
     */
    protected NDArray embed(ParameterStore ps, NDArray tokens, boolean training) {
        NDArray e = embedding.forward(ps, new NDList(tokens), training).head();
        return dropout.forward(ps, new NDList(e), training).head();
    }

    /**
     * Runs the recurrent network over (B, T, In) from batch-first states.
     *
     * @param ps the parameter store
     * @param input (B, T, In)
     * @param states {@code h (B, L, H)[, c]}
     * @param training whether in training mode
     * @return {@code NDList(outputs (B, T, H), h (B, L, H)[, c])}
     */
    protected NDList runRnn(ParameterStore ps, NDArray input, NDList states, boolean training) {
        NDList in = new NDList(input);
        for (NDArray s : states) {
            in.add(s.transpose(1, 0, 2)); // (L, B, H)
        }
        NDList result = rnn.forward(ps, in, training);
        NDList out = new NDList(result.head());
        for (int i = 1; i < result.size(); i++) {
            out.add(result.get(i).transpose(1, 0, 2)); // (B, L, H)
        }
        return out;
    }

    /**
     * Returns the top layer's hidden state, the usual attention query.
     *
     * @param rnnState {@code h (B, L, H)[, c]}
     * @return (B, H)
     */
    protected static NDArray topHidden(NDList rnnState) {
        return rnnState.get(0).get(":, -1, :"); // (B, H)
    }

    /**
     * Not used: a decoder runs through {@link #initialState}, {@link #step} and {@link
     * #teacherForced}, whose inputs are typed.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName()
                        + " has no positional forward: use initialState, step or teacherForced");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape target = inputShapes[0];
        return new Shape[] {new Shape(target.get(0), target.get(1), embedding.vocabularySize())};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, new Shape(1, 1));
        dropout.initialize(manager, dataType, new Shape(1, 1, featureSize()));
        rnn.initialize(manager, dataType, new Shape(1, 1, rnnInputSize()));
        output.initialize(manager, dataType, new Shape(1, featureSize()));
        initializeOwnBlocks(manager, dataType);
    }
}
