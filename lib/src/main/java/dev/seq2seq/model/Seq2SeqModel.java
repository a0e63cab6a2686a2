package dev.seq2seq.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import ai.djl.util.Preconditions;

import dev.seq2seq.Shapes;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.BahdanauDecoder;
import dev.seq2seq.nn.Bridge;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.EncodedSource;
import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.nn.LuongDecoder;
import dev.seq2seq.nn.PlainDecoder;
import dev.seq2seq.nn.RecurrentEncoder;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.Seq2SeqDecoder;
import dev.seq2seq.nn.SourceEncoder;
import dev.seq2seq.nn.transformer.TransformerDecoder;
import dev.seq2seq.nn.transformer.TransformerEncoder;

import java.util.Objects;

/**
 * An encoder-decoder translation model as a single DJL block: a {@link SourceEncoder} and a {@link
 * Seq2SeqDecoder}, chosen by the configuration's {@link Architecture}.
 *
 * <ul>
 *   <li>RECURRENT: {@link RecurrentEncoder}, {@link Bridge} and one of the recurrent decoders
 *       (children {@code encoder}, {@code bridge}, {@code decoder}, as in every checkpoint written
 *       before the Transformer).
 *   <li>TRANSFORMER: {@link TransformerEncoder} and {@link TransformerDecoder} (children {@code
 *       encoder}, {@code decoder}).
 * </ul>
 *
 * <ul>
 *   <li>Training: {@code forward(ps, NDList(source (B, S), sourceLengths (B), targetInput (B, T)),
 *       true)} runs teacher forcing and returns {@code NDList(logits (B, T, V)[, attention weights
 *       (B, T, S)])}. Scheduled sampling, a training policy, is built on {@link #encode} and {@link
 *       #step} in package {@code train}.
 *   <li>Search: {@link #encode} once per batch, then {@link #step} once per output token.
 * </ul>
 *
 * <p>Shapes: B batch, S source steps, T target steps, V target vocabulary, M memory size.
 */
public final class Seq2SeqModel extends AbstractBlock {

    private final Seq2SeqConfig config;
    private final AbstractBlock encoder;
    private final Bridge bridge;
    private final SourceEncoder sourceEncoder;
    private final Seq2SeqDecoder decoder;
    private volatile ForwardListener forwardListener = ForwardListener.NONE;

    /**
     * Creates a model from its configuration, with the attention block the configuration names.
     *
     * @param config the configuration
     * @return the model, not yet initialised
     */
    public static Seq2SeqModel create(Seq2SeqConfig config) {
        return new Seq2SeqModel(config);
    }

    private Seq2SeqModel(Seq2SeqConfig config) {
        this.config = config;
        if (config.isTransformer()) {
            TransformerEncoder transformer =
                    addChildBlock("encoder", new TransformerEncoder(config));
            this.encoder = transformer;
            this.bridge = null;
            this.sourceEncoder = transformer;
            this.decoder = addChildBlock("decoder", new TransformerDecoder(config));
            return;
        }
        int memory = config.memorySize();
        this.encoder =
                addChildBlock(
                        "encoder",
                        new RecurrentEncoder(
                                config.sourceVocabularySize(),
                                config.embeddingSize(),
                                config.recurrent().cell(),
                                config.hiddenSize(),
                                config.recurrent().layers(),
                                config.recurrent().bidirectional(),
                                config.dropout()));
        this.bridge =
                addChildBlock(
                        "bridge",
                        new Bridge(
                                config.recurrent().bridge(),
                                memory,
                                config.hiddenSize(),
                                config.recurrent().cell().stateArrays()));
        this.sourceEncoder = this::encodeRecurrent;
        Seq2SeqDecoder d =
                switch (config.recurrent().decoder()) {
                    case PLAIN -> new PlainDecoder(config, memory);
                    case BAHDANAU ->
                            new BahdanauDecoder(config, memory, AttentionFactory.create(config));
                    case LUONG -> new LuongDecoder(config, memory, AttentionFactory.create(config));
                };
        this.decoder = addChildBlock("decoder", d);
    }

    /**
     * Initialises all parameters: Xavier for weights, zeros for biases.
     *
     * @param manager the manager that will own the parameters
     */
    public void initialize(NDManager manager) {
        setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1), new Shape(1, 1));
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public Seq2SeqConfig config() {
        return config;
    }

    /**
     * Returns the decoder: for tests of the decoder contract, and for a {@link
     * TransformerDecoder}'s {@code attentionMaps}.
     *
     * @return the decoder
     */
    public Seq2SeqDecoder decoder() {
        return decoder;
    }

    /**
     * Sets who hears where each forward pass's time goes (encoder, decoder, output projection; the
     * training step adds the loss), e.g. a benchmark's {@code perf.TrainingClock}; by default
     * {@link ForwardListener#NONE}. The decoder gets the same listener.
     *
     * @param listener the listener, {@link ForwardListener#NONE} to detach
     * @throws NullPointerException if {@code listener} is null
     */
    public void setForwardListener(ForwardListener listener) {
        this.forwardListener = Objects.requireNonNull(listener, "listener");
        decoder.setForwardListener(listener);
    }

    /**
     * Returns the listener set by {@link #setForwardListener}.
     *
     * @return the listener, {@link ForwardListener#NONE} when none is attached
     */
    public ForwardListener forwardListener() {
        return forwardListener;
    }

    /**
     * Returns the encoder block: a {@link RecurrentEncoder} or a {@link TransformerEncoder}.
     *
     * @return the encoder
     */
    public AbstractBlock encoder() {
        return encoder;
    }

    /**
     * Encodes a batch of source sentences into the decoder's initial state.
     *
     * @param ps the parameter store
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64
     * @param training whether in training mode (dropout)
     * @return the initial decoder state
     * @throws IllegalArgumentException if a shape is wrong, naming expected and actual
     */
    public DecoderState encode(
            ParameterStore ps, NDArray source, NDArray sourceLengths, boolean training) {
        DecoderState state =
                decoder.initialState(
                        ps, sourceEncoder.encode(ps, source, sourceLengths, training), training);
        forwardListener.partEnded(ForwardListener.Part.ENCODER);
        return state;
    }

    /** The recurrent {@link SourceEncoder}: the encoder, then the bridge on its final states. */
    private EncodedSource encodeRecurrent(
            ParameterStore ps, NDArray source, NDArray sourceLengths, boolean training) {
        NDList encoded = encoder.forward(ps, new NDList(source, sourceLengths), training);
        NDArray memory = encoded.head(); // (B, S, M)
        NDList finals = encoded.subNDList(1); // h (B, L, M)[, c]
        NDArray summary = finals.head().get(":, -1, :"); // (B, M)
        NDList initial = bridge.forward(ps, finals, training); // h0 (B, L, H)[, c0]
        return new EncodedSource(memory, sourceLengths, initial, summary);
    }

    /**
     * Runs one decoder step.
     *
     * @param ps the parameter store
     * @param tokens the previous output tokens (B) int64, {@code <bos>} at the first step
     * @param state the state from {@link #encode} or the previous step
     * @param training whether in training mode
     * @return the next-token logits (B, V), the new state and the attention weights (B, S) or null
     */
    public DecoderStep step(
            ParameterStore ps, NDArray tokens, DecoderState state, boolean training) {
        return decoder.step(ps, tokens, state, training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray targetInput = checkInputs(inputs);
        DecoderState state = encode(ps, inputs.get(0), inputs.get(1), training);
        return decoder.teacherForced(ps, targetInput, state, training).toNDList();
    }

    /**
     * Checks the inputs of a teacher-forced forward pass.
     *
     * @param inputs {@code NDList(source (B, S), sourceLengths (B), targetInput (B, T))}
     * @return the target input (B, T)
     * @throws IllegalArgumentException if there are not three arrays or a shape is wrong, naming
     *     expected and actual
     */
    public static NDArray checkInputs(NDList inputs) {
        Preconditions.checkArgument(
                inputs.size() == 3,
                "expected NDList(source, sourceLengths, targetInput), got "
                        + inputs.size()
                        + " arrays");
        long b = inputs.get(0).getShape().get(0);
        Shapes.check("source", inputs.get(0), "B, S", b, Shapes.ANY);
        Shapes.check("sourceLengths", inputs.get(1), "B", b);
        return Shapes.check("targetInput", inputs.get(2), "B, T", b, Shapes.ANY);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape target = inputShapes[2];
        return new Shape[] {new Shape(target.get(0), target.get(1), config.targetVocabularySize())};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape source = new Shape(1, 1);
        Shape lengths = new Shape(1);
        encoder.initialize(manager, dataType, source, lengths);
        if (bridge == null) {
            decoder.initialize(manager, dataType, new Shape(1, 1));
            return;
        }
        Shape[] states = new Shape[config.recurrent().cell().stateArrays()];
        java.util.Arrays.fill(
                states, new Shape(1, config.recurrent().layers(), config.memorySize()));
        bridge.initialize(manager, dataType, states);
        decoder.initialize(manager, dataType, new Shape(1, 1));
    }
}
