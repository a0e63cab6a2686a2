package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

import dev.seq2seq.Scalars;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.TokenEmbedding;
import dev.seq2seq.nn.TransformerSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Transformer's encoder and decoder share (Vaswani et al. 2017, sections 3.1, 3.4 and
 * 3.5): token embeddings scaled by √D plus the {@link PositionalEncoding}, dropout, a stack of N
 * layers, and with pre-norm a final layer norm. {@link #embed} and {@link #normalize} are the two
 * ends of the stack; the subclass runs its layers between them.
 *
 * <p>The child blocks are added in the order embedding, positions, dropout, layer0..layerN-1,
 * finalNorm (then the decoder's output projection), the order of the saved parameters.
 *
 * <p>Shapes: B batch, T positions, P positions before them, D model size, N layers.
 *
 * @param <L> the layer type
 */
public abstract class TransformerStack<L extends AbstractBlock> extends AbstractBlock {

    /** Makes one layer of the stack. */
    @FunctionalInterface
    protected interface LayerFactory<L> {
        /**
         * Makes a layer.
         *
         * @param modelSize D
         * @param settings the Transformer's settings (heads, F, norm placement, score floor)
         * @param dropout P_drop
         * @return the layer
         */
        L create(int modelSize, TransformerSettings settings, float dropout);
    }

    /** D. */
    protected final int modelSize;

    /** The token embedding (V, D); the decoder's output projection may share it. */
    protected final TokenEmbedding embedding;

    /** The N layers, bottom first. */
    protected final List<L> layers;

    private final PositionalEncoding positions;
    private final Dropout dropout;
    private final LayerNorm finalNorm;

    /**
     * Adds the embedding, positions, dropout, the layers and (pre-norm) the final norm.
     *
     * @param config a Transformer configuration
     * @param vocabularySize the rows of the embedding: V_src or V
     * @param layerCount N
     * @param factory makes each layer
     * @throws IllegalArgumentException if the configuration is not a Transformer's
     */
    protected TransformerStack(
            Seq2SeqConfig config, int vocabularySize, int layerCount, LayerFactory<L> factory) {
        TransformerSettings t = settings(config);
        this.modelSize = config.modelSize();
        this.embedding = addChildBlock("embedding", new TokenEmbedding(vocabularySize, modelSize));
        this.positions =
                addChildBlock(
                        "positions",
                        new PositionalEncoding(
                                t.positionalEncoding(), modelSize, t.maxPositions()));
        this.dropout =
                addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        List<L> stack = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            stack.add(addChildBlock("layer" + i, factory.create(modelSize, t, config.dropout())));
        }
        this.layers = List.copyOf(stack);
        this.finalNorm =
                t.normPlacement() == NormPlacement.PRE
                        ? addChildBlock("finalNorm", LayerNorm.builder().axis(2).build())
                        : null;
    }

    /**
     * Returns the Transformer settings of a configuration.
     *
     * @param config the configuration
     * @return its Transformer settings
     * @throws IllegalArgumentException if the configuration is not a Transformer's
     */
    static TransformerSettings settings(Seq2SeqConfig config) {
        if (!config.isTransformer()) {
            throw new IllegalArgumentException(
                    "expected a TRANSFORMER configuration, got " + config.architecture());
        }
        return config.transformer();
    }

    /**
     * The bottom of the stack: {@code dropout(E[tokens] · √D + PE(offset..offset+T-1))}.
     *
     * @param ps the parameter store
     * @param tokens token ids (B, T) int64
     * @param offset P, the position of the first token
     * @param training whether in training mode (dropout)
     * @return the layers' input (B, T, D)
     */
    protected final NDArray embed(
            ParameterStore ps, NDArray tokens, long offset, boolean training) {
        NDArray e = embedding.forward(ps, new NDList(tokens), training).head(); // (B, T, D)
        NDArray x = positions.add(ps, e.mul(Scalars.of(e, Math.sqrt(modelSize))), offset, training);
        return dropout.forward(ps, new NDList(x), training).head(); // (B, T, D)
    }

    /**
     * The top of the stack: the final layer norm with pre-norm, the identity with post-norm.
     *
     * @param ps the parameter store
     * @param x the last layer's output (B, T, D)
     * @param training whether in training mode
     * @return the stack's output (B, T, D)
     */
    protected final NDArray normalize(ParameterStore ps, NDArray x, boolean training) {
        return finalNorm == null ? x : finalNorm.forward(ps, new NDList(x), training).head();
    }

    /**
     * Initializes the embedding, positions, dropout, every layer with the given input shapes, and
     * the final norm.
     *
     * @param manager the manager
     * @param dataType the data type
     * @param layerInputs each layer's input shapes
     */
    protected final void initializeStack(
            NDManager manager, DataType dataType, Shape... layerInputs) {
        Shape x = new Shape(1, 1, modelSize);
        embedding.initialize(manager, dataType, new Shape(1, 1));
        positions.initialize(manager, dataType, x);
        dropout.initialize(manager, dataType, x);
        for (L layer : layers) {
            layer.initialize(manager, dataType, layerInputs);
        }
        if (finalNorm != null) {
            finalNorm.initialize(manager, dataType, x);
        }
    }
}
