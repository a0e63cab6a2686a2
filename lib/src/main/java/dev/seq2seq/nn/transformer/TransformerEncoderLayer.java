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
 * One encoder layer of the Transformer (Vaswani et al. 2017, section 3.1): multi-head
 * self-attention over the source with the key-padding mask, then the position-wise feed-forward
 * network {@code FFN(x) = max(0, x W_1 + b_1) W_2 + b_2} (DJL's {@link PointwiseFeedForwardBlock}),
 * each inside a {@link SublayerConnection} (pre- or post-norm).
 *
 * <p>Input of {@code forward}: {@code NDList(x (B, S, D), paddingBias (B, 1, 1, S))}; output:
 * {@code NDList(x' (B, S, D), weights (B, h, S, S))}. Positions at or after a sentence's length are
 * padding: no valid position attends to them, so they do not change the valid positions' outputs.
 *
 * <p>Shapes: B batch, S source steps, D model size, h heads, F feed-forward size.
 */
public final class TransformerEncoderLayer extends AbstractBlock {

    private final int modelSize;
    private final MultiHeadAttention selfAttention;
    private final SublayerConnection attentionConnection;
    private final PointwiseFeedForwardBlock feedForward;
    private final SublayerConnection feedForwardConnection;

    /**
     * What one layer returns.
     *
     * @param output the layer's output (B, S, D)
     * @param weights the self-attention weights of every head (B, h, S, S)
     */
    public record Output(NDArray output, NDArray weights) {}

    /**
     * Creates a layer.
     *
     * @param modelSize D
     * @param settings h (dividing D), F, the norm placement and the attention score floor (0 for
     *     none, the paper's attention; see {@link MultiHeadAttention})
     * @param dropout P_drop
     */
    public TransformerEncoderLayer(int modelSize, TransformerSettings settings, float dropout) {
        int heads = settings.heads();
        float scoreFloor = settings.attentionScoreFloor();
        NormPlacement placement = settings.normPlacement();
        int feedForwardSize = settings.feedForwardSize();
        this.modelSize = modelSize;
        this.selfAttention =
                addChildBlock(
                        "selfAttention", new MultiHeadAttention(modelSize, heads, scoreFloor));
        this.attentionConnection =
                addChildBlock(
                        "attentionConnection",
                        new SublayerConnection(placement, modelSize, dropout));
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
     * Runs the layer.
     *
     * @param ps the parameter store
     * @param x the previous layer's output or the embedded source (B, S, D)
     * @param paddingBias 0 at valid source positions, −∞ at padding (B, 1, 1, S)
     * @param training whether in training mode
     * @return the output (B, S, D) and the self-attention weights (B, h, S, S)
     * @throws IllegalArgumentException if x is not (B, S, D), naming expected and actual
     */
    public Output run(ParameterStore ps, NDArray x, NDArray paddingBias, boolean training) {
        Shapes.check("x", x, "B, S, D", Shapes.ANY, Shapes.ANY, modelSize);
        NDArray in = attentionConnection.input(ps, x, training);
        MultiHeadAttention.Attended a =
                selfAttention.attend(
                        ps, in, selfAttention.project(ps, in, training), paddingBias, training);
        NDArray h = attentionConnection.output(ps, x, a.output(), training); // (B, S, D)
        NDArray out =
                feedForwardConnection.apply(
                        ps,
                        h,
                        y -> feedForward.forward(ps, new NDList(y), training).head(),
                        training);
        return new Output(out, a.weights());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Output o = run(ps, inputs.get(0), inputs.get(1), training);
        return new NDList(o.output(), o.weights());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {x, new Shape(x.get(0), selfAttention.heads(), x.get(1), x.get(1))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = new Shape(1, 1, modelSize);
        selfAttention.initialize(manager, dataType, x, x);
        attentionConnection.initialize(manager, dataType, x, x);
        feedForward.initialize(manager, dataType, x);
        feedForwardConnection.initialize(manager, dataType, x, x);
    }
}
