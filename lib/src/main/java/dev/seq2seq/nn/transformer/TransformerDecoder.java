package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.EncodedSource;
import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.Seq2SeqDecoder;
import dev.seq2seq.nn.TeacherForcedOutput;
import dev.seq2seq.nn.TransformerSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Transformer's decoder (Vaswani et al. 2017, section 3.1) behind the {@link Seq2SeqDecoder}
 * contract: a {@link TransformerStack} (target embeddings scaled by √D plus the positional
 * encoding, dropout, and with pre-norm a final layer norm) of N {@link TransformerDecoderLayer}s
 * (masked self-attention, encoder-decoder attention, feed-forward), then the output projection to
 * V, either its own (D, V) layer or the target embedding transposed ({@link
 * TransformerSettings#shareTargetEmbedding()}; then without bias).
 *
 * <ul>
 *   <li>{@link #initialState}: projects the memory into every layer's cross-attention keys and
 *       values once per source, and builds the source padding bias; no positions cached yet.
 *   <li>{@link #step}: one new position t. Its token goes through every layer, attending to the
 *       cached self-attention keys and values of positions 0..t-1 plus its own; the new state holds
 *       the caches grown by one position ({@link TransformerDecoderState#selfCache}), the memory
 *       unchanged.
 *   <li>{@link #teacherForced}: all T positions in one pass with the causal mask ({@link
 *       AttentionMask#causalBias}); equal to T steps up to rounding.
 * </ul>
 *
 * <p>The attention weights reported are the last layer's encoder-decoder attention averaged over
 * its heads, (B, S) per step and (B, T, S) under teacher forcing; {@link #attentionMaps} gives
 * every layer's and head's self- and cross-attention weights.
 *
 * <p>Shapes: B batch, S source steps, T target steps, P cached positions, D model size, h heads,
 * d_k = D / h, N layers, V target vocabulary.
 */
public final class TransformerDecoder extends TransformerStack<TransformerDecoderLayer>
        implements Seq2SeqDecoder {

    private final int vocabularySize;
    private final Linear output;

    private volatile ForwardListener forwardListener = ForwardListener.NONE;

    /**
     * What a pass over T new positions gives.
     *
     * @param logits next-token scores (B, T, V)
     * @param state the state with the T positions cached
     * @param maps every layer's and head's attention weights
     */
    public record Pass(NDArray logits, TransformerDecoderState state, AttentionMaps maps) {}

    /**
     * Creates the decoder of a Transformer configuration.
     *
     * @param config the configuration; its architecture must be TRANSFORMER
     * @throws IllegalArgumentException if the configuration is not a Transformer's
     */
    public TransformerDecoder(Seq2SeqConfig config) {
        super(
                config,
                config.targetVocabularySize(),
                settings(config).decoderLayers(),
                TransformerDecoderLayer::new);
        this.vocabularySize = config.targetVocabularySize();
        this.output =
                config.transformer().shareTargetEmbedding()
                        ? null
                        : addChildBlock(
                                "output", Linear.builder().setUnits(vocabularySize).build());
    }

    @Override
    public TransformerDecoderState initialState(
            ParameterStore ps, EncodedSource encoded, boolean training) {
        NDArray memory = encoded.memory();
        Shapes.check("memory", memory, "B, S, D", Shapes.ANY, Shapes.ANY, modelSize);
        long b = memory.getShape().get(0);
        Shapes.check("memoryLengths", encoded.memoryLengths(), "B", b);
        NDArray bias =
                AttentionMask.paddingBias(
                        encoded.memoryLengths(), memory.getShape().get(1), memory.getDataType());
        List<KeyValues> cross = new ArrayList<>();
        for (TransformerDecoderLayer layer : layers) {
            cross.add(layer.projectMemory(ps, memory, training));
        }
        return new TransformerDecoderState(encoded.memoryLengths(), bias, cross, List.of());
    }

    @Override
    public DecoderStep step(
            ParameterStore ps, NDArray tokens, DecoderState state, boolean training) {
        TransformerDecoderState own = own(state);
        Shapes.check("tokens", tokens, "B", own.batchSize());
        Pass pass = run(ps, tokens.expandDims(1), own, training);
        return new DecoderStep(
                pass.logits().squeeze(1), // (B, V)
                pass.state(),
                pass.maps().lastCrossMean().squeeze(1)); // (B, S)
    }

    @Override
    public TeacherForcedOutput teacherForced(
            ParameterStore ps, NDArray targetInput, DecoderState state, boolean training) {
        TransformerDecoderState own = own(state);
        Shapes.check("targetInput", targetInput, "B, T", own.batchSize(), Shapes.ANY);
        Pass pass = run(ps, targetInput, own, training);
        return new TeacherForcedOutput(pass.logits(), pass.maps().lastCrossMean());
    }

    /**
     * Runs the reference prefix as {@link #teacherForced} does and returns every layer's and head's
     * attention weights, for heatmaps (feed a translation's own tokens to see how it was decoded).
     *
     * @param ps the parameter store
     * @param targetInput {@code <bos>} then the tokens (B, T) int64
     * @param state the initial state
     * @param training whether in training mode
     * @return self-attention (B, h, T, T) and cross-attention (B, h, T, S) weights per layer
     * @throws IllegalArgumentException if the state belongs to another decoder or targetInput is
     *     not (B, T)
     */
    public AttentionMaps attentionMaps(
            ParameterStore ps, NDArray targetInput, DecoderState state, boolean training) {
        TransformerDecoderState own = own(state);
        Shapes.check("targetInput", targetInput, "B, T", own.batchSize(), Shapes.ANY);
        return run(ps, targetInput, own, training).maps();
    }

    /**
     * Runs T new positions after the P cached ones: with the causal mask when T > 1.
     *
     * @param ps the parameter store
     * @param tokens the tokens at positions P..P+T-1 (B, T) int64
     * @param state the state after P positions
     * @param training whether in training mode
     * @return the logits (B, T, V), the state after P + T positions and the weights
     * @throws IllegalArgumentException if tokens is not (B, T), naming expected and actual
     */
    public Pass run(
            ParameterStore ps, NDArray tokens, TransformerDecoderState state, boolean training) {
        Shapes.check("tokens", tokens, "B, T", state.batchSize(), Shapes.ANY);
        long past = state.positions();
        long t = tokens.getShape().get(1);
        NDArray x = embed(ps, tokens, past, training); // (B, T, D)
        NDArray causal =
                t == 1 ? null : AttentionMask.causalBias(x.getManager(), past, t, x.getDataType());
        List<KeyValues> cache = new ArrayList<>();
        List<NDArray> self = new ArrayList<>();
        List<NDArray> cross = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            KeyValues cached = past == 0 ? null : state.selfCache().get(i);
            TransformerDecoderLayer.Output o =
                    layers.get(i)
                            .run(
                                    ps,
                                    x,
                                    cached,
                                    causal,
                                    state.crossKeyValues().get(i),
                                    state.paddingBias(),
                                    training);
            x = o.output();
            cache.add(o.selfKeyValues());
            self.add(o.selfWeights());
            cross.add(o.crossWeights());
        }
        x = normalize(ps, x, training);
        TransformerDecoderState next =
                new TransformerDecoderState(
                        state.memoryLengths(), state.paddingBias(), state.crossKeyValues(), cache);
        return new Pass(project(ps, x, training), next, new AttentionMaps(self, cross));
    }

    @Override
    public void setForwardListener(ForwardListener listener) {
        this.forwardListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The output projection: its own layer, or x E^T with the target embedding E (V, D). Tells the
     * {@link ForwardListener} where the decoder's part of a forward pass and the output projection
     * end.
     */
    private NDArray project(ParameterStore ps, NDArray x, boolean training) {
        forwardListener.partEnded(ForwardListener.Part.DECODER);
        NDArray logits;
        if (output != null) {
            logits = output.forward(ps, new NDList(x), training).head(); // (B, T, V)
        } else {
            NDArray table =
                    ps.getValue(
                            embedding.getDirectParameters().get("weight"), x.getDevice(), training);
            logits = x.matMul(table.transpose()); // (B, T, D) x (D, V) = (B, T, V)
        }
        forwardListener.partEnded(ForwardListener.Part.OUTPUT_PROJECTION);
        return logits;
    }

    private TransformerDecoderState own(DecoderState state) {
        if (!(state instanceof TransformerDecoderState own)) {
            throw new IllegalArgumentException(
                    "TransformerDecoder expects a "
                            + TransformerDecoderState.class.getName()
                            + ", got "
                            + (state == null ? "null" : state.getClass().getName()));
        }
        return own;
    }

    /**
     * Not used: the decoder runs through {@link #initialState}, {@link #step} and {@link
     * #teacherForced}, whose inputs are typed.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException(
                "TransformerDecoder has no positional forward: use initialState, step or"
                        + " teacherForced");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape target = inputShapes[0];
        return new Shape[] {new Shape(target.get(0), target.get(1), vocabularySize)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = new Shape(1, 1, modelSize);
        initializeStack(manager, dataType, x, x, new Shape(1, 1, 1, 1));
        if (output != null) {
            output.initialize(manager, dataType, new Shape(1, modelSize));
        }
    }
}
