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
import ai.djl.util.PairList;

import dev.seq2seq.nn.NormPlacement;

import java.util.function.UnaryOperator;

/**
 * The residual connection and layer normalisation around one sublayer f (attention or feed-forward)
 * of a Transformer layer, with dropout on f's output (Vaswani et al. 2017, section 5.4, P_drop):
 *
 * <pre>
 *   post-norm (the paper's):  x ← LayerNorm(x + Dropout(f(x)))
 *   pre-norm:                 x ← x + Dropout(f(LayerNorm(x)))
 * </pre>
 *
 * <p>Layer norm (Ba et al. 2016) normalises each position's D features to mean 0 and variance 1,
 * then scales and shifts them by learned γ and β (D); it is DJL's {@link LayerNorm} over the last
 * axis (ε = 1e-5), which runs PyTorch's {@code layer_norm}. A sublayer that needs more than its
 * normalised input (the decoder's attention, which also returns weights and keys) uses {@link
 * #input} and {@link #output} around its own call instead of {@link #apply}.
 *
 * <p>Shapes: B batch, T positions, D model size.
 */
public final class SublayerConnection extends AbstractBlock {

    private final NormPlacement placement;
    private final int modelSize;
    private final LayerNorm norm;
    private final Dropout dropout;

    /**
     * Creates the connection.
     *
     * @param placement pre- or post-norm
     * @param modelSize D
     * @param dropout P_drop on the sublayer's output
     */
    public SublayerConnection(NormPlacement placement, int modelSize, float dropout) {
        this.placement = placement;
        this.modelSize = modelSize;
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
    }

    /**
     * Returns what the sublayer reads: LayerNorm(x) for pre-norm, x for post-norm.
     *
     * @param ps the parameter store
     * @param x the layer's running value (B, T, D)
     * @param training whether in training mode
     * @return the sublayer's input (B, T, D)
     */
    public NDArray input(ParameterStore ps, NDArray x, boolean training) {
        return placement == NormPlacement.PRE ? normalize(ps, x, training) : x;
    }

    /**
     * Adds the sublayer's output to the residual stream.
     *
     * @param ps the parameter store
     * @param x the value before the sublayer (B, T, D)
     * @param fx the sublayer's output (B, T, D)
     * @param training whether in training mode (dropout)
     * @return x + Dropout(fx) for pre-norm, LayerNorm(x + Dropout(fx)) for post-norm (B, T, D)
     */
    public NDArray output(ParameterStore ps, NDArray x, NDArray fx, boolean training) {
        NDArray dropped = dropout.forward(ps, new NDList(fx), training).head();
        NDArray sum = x.add(dropped); // (B, T, D)
        return placement == NormPlacement.POST ? normalize(ps, sum, training) : sum;
    }

    /**
     * Runs a sublayer with its residual connection: {@code output(x, f(input(x)))}.
     *
     * @param ps the parameter store
     * @param x the layer's running value (B, T, D)
     * @param sublayer f, (B, T, D) to (B, T, D)
     * @param training whether in training mode
     * @return the new value (B, T, D)
     */
    public NDArray apply(
            ParameterStore ps, NDArray x, UnaryOperator<NDArray> sublayer, boolean training) {
        return output(ps, x, sublayer.apply(input(ps, x, training)), training);
    }

    private NDArray normalize(ParameterStore ps, NDArray x, boolean training) {
        return norm.forward(ps, new NDList(x), training).head();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(output(ps, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = new Shape(1, 1, modelSize);
        norm.initialize(manager, dataType, x);
        dropout.initialize(manager, dataType, x);
    }
}
