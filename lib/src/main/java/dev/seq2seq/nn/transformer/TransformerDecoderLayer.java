package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.transformer.PointwiseFeedForwardBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.TransformerSettings;

import java.util.List;

/**
 * One decoder layer of the Transformer (Vaswani et al. 2017, section 3.1): masked multi-head
 * self-attention over the target positions so far, multi-head encoder-decoder (cross-)attention
 * over the source, and the position-wise feed-forward network, each inside a {@link
 * SublayerConnection}.
 *
 * <p>{@link #run} handles both ways the decoder is used: under teacher forcing all T positions at
 * once (P = 0, with the causal mask), and in search one position at a time (T = 1) after P cached
 * positions, whose self-attention keys and values it is given and returns extended by the new ones.
 * The key and value of a position depend only on that position's input to the layer, so caching
 * them gives the same result as recomputing them.
 *
 * <p>Shapes: B batch, T new target positions, P cached positions, S source steps, D model size, h
 * heads, d_k = D / h.
 */
public final class TransformerDecoderLayer extends AbstractBlock {

    private final int modelSize;
    private final MultiHeadAttention selfAttention;
    private final SublayerConnection selfConnection;
    private final MultiHeadAttention crossAttention;
    private final SublayerConnection crossConnection;
    private final PointwiseFeedForwardBlock feedForward;
    private final SublayerConnection feedForwardConnection;

    /**
     * What one layer returns.
     *
     * @param output the layer's output at the T new positions (B, T, D)
     * @param selfKeyValues the self-attention keys and values of all P + T positions (B, h, P + T,
     *     d_k), the next step's cache
     * @param selfWeights self-attention weights of every head (B, h, T, P + T)
     * @param crossWeights encoder-decoder attention weights of every head (B, h, T, S)
     */
    public record Output(
            NDArray output, KeyValues selfKeyValues, NDArray selfWeights, NDArray crossWeights) {}

    /**
     * Creates a layer.
     *
     * @param modelSize D
     * @param settings h (dividing D), F, the norm placement and the attention score floor (0 for
     *     none, the paper's attention; see {@link MultiHeadAttention})
     * @param dropout P_drop
     */
    public TransformerDecoderLayer(int modelSize, TransformerSettings settings, float dropout) {
        int heads = settings.heads();
        float scoreFloor = settings.attentionScoreFloor();
        NormPlacement placement = settings.normPlacement();
        int feedForwardSize = settings.feedForwardSize();
        this.modelSize = modelSize;
        this.selfAttention =
                addChildBlock(
                        "selfAttention", new MultiHeadAttention(modelSize, heads, scoreFloor));
        this.selfConnection =
                addChildBlock(
                        "selfConnection", new SublayerConnection(placement, modelSize, dropout));
        this.crossAttention =
                addChildBlock(
                        "crossAttention", new MultiHeadAttention(modelSize, heads, scoreFloor));
        this.crossConnection =
                addChildBlock(
                        "crossConnection", new SublayerConnection(placement, modelSize, dropout));
        this.feedForward =
                addChildBlock(
                        "feedForward",
                        new PointwiseFeedForwardBlock(
                                List.of(feedForwardSize), modelSize, Activation::relu));
        this.feedForwardConnection =
                addChildBlock(
                        "feedForwardConnection",
                        new SublayerConnection(placement, modelSize, dropout));
    }

    /**
     * Projects the encoder memory into this layer's cross-attention keys and values, once per
     * source.
     *
     * @param ps the parameter store
     * @param memory the encoder output (B, S, D)
     * @param training whether in training mode
     * @return K and V (B, h, S, d_k)
     */
    public KeyValues projectMemory(ParameterStore ps, NDArray memory, boolean training) {
        return crossAttention.project(ps, memory, training);
    }

    /**
     * Runs the layer on T new positions.
     *
     * @param ps the parameter store
     * @param x the previous layer's output or the embedded target at the new positions (B, T, D)
     * @param past the cached self-attention keys and values of the P earlier positions (B, h, P,
     *     d_k), or null when P = 0
     * @param causalBias {@link AttentionMask#causalBias} (1, 1, T, P + T), or null when T = 1 (one
     *     new position may see every earlier one)
     * @param cross this layer's cross-attention keys and values from {@link #projectMemory}
     * @param paddingBias the source padding bias (B, 1, 1, S)
     * @param training whether in training mode
     * @return the output, the extended cache and the weights
     * @throws IllegalArgumentException if x is not (B, T, D), naming expected and actual
     */
    public Output run(
            ParameterStore ps,
            NDArray x,
            KeyValues past,
            NDArray causalBias,
            KeyValues cross,
            NDArray paddingBias,
            boolean training) {
        Shapes.check("x", x, "B, T, D", Shapes.ANY, Shapes.ANY, modelSize);
        NDArray in = selfConnection.input(ps, x, training);
        KeyValues now = selfAttention.project(ps, in, training); // (B, h, T, dk)
        KeyValues all = past == null ? now : past.append(now); // (B, h, P + T, dk)
        MultiHeadAttention.Attended self = selfAttention.attend(ps, in, all, causalBias, training);
        NDArray h = selfConnection.output(ps, x, self.output(), training); // (B, T, D)
        NDArray query = crossConnection.input(ps, h, training);
        MultiHeadAttention.Attended c =
                crossAttention.attend(ps, query, cross, paddingBias, training);
        NDArray g = crossConnection.output(ps, h, c.output(), training); // (B, T, D)
        NDArray out =
                feedForwardConnection.apply(
                        ps,
                        g,
                        y -> feedForward.forward(ps, new NDList(y), training).head(),
                        training);
        return new Output(out, all, self.weights(), c.weights());
    }

    /**
     * Runs the layer under teacher forcing: {@code NDList(x (B, T, D), memory (B, S, D),
     * paddingBias (B, 1, 1, S))} to {@code NDList(output (B, T, D), selfWeights (B, h, T, T),
     * crossWeights (B, h, T, S))}.
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray bias =
                AttentionMask.causalBias(x.getManager(), 0, x.getShape().get(1), x.getDataType());
        KeyValues cross = projectMemory(ps, inputs.get(1), training);
        Output o = run(ps, x, null, bias, cross, inputs.get(2), training);
        return new NDList(o.output(), o.selfWeights(), o.crossWeights());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        long h = selfAttention.heads();
        return new Shape[] {
            x,
            new Shape(x.get(0), h, x.get(1), x.get(1)),
            new Shape(x.get(0), h, x.get(1), inputShapes[1].get(1))
        };
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = new Shape(1, 1, modelSize);
        selfAttention.initialize(manager, dataType, x, x);
        selfConnection.initialize(manager, dataType, x, x);
        crossAttention.initialize(manager, dataType, x, x);
        crossConnection.initialize(manager, dataType, x, x);
        feedForward.initialize(manager, dataType, x);
        feedForwardConnection.initialize(manager, dataType, x, x);
    }
}
