package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import dev.seq2seq.Shapes;

/**
 * The additive (MLP) score of Bahdanau et al. (2015), "Neural Machine Translation by Jointly
 * Learning to Align and Translate", appendix A.1.2:
 *
 * <pre>
 *   score(q_t, k_s) = v^T tanh(W_q q_t + W_k k_s),   W_q: (A, Hq), W_k: (A, Hk), v: (A)
 * </pre>
 *
 * <p>In the paper q is the previous decoder state s<sub>i-1</sub> and k the annotation
 * h<sub>j</sub>. W_q q (B, T, A) and W_k k (B, S, A) are computed once each and broadcast against
 * each other as (B, T, 1, A) + (B, 1, S, A), so no (Hq + Hk) grid is built (compare {@link
 * ConcatScore}). No biases, as in the paper.
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, Hq: query size, Hk: key size, A: attention
 * size): query (B, T, Hq), keys (B, S, Hk), scores (B, T, S).
 */
public final class AdditiveScore extends AttentionScore {

    private static final byte VERSION = 1;

    private final int attentionSize;
    private final Linear queryProjection;
    private final Linear keyProjection;
    private final Linear v;

    private AdditiveScore(int attentionSize) {
        super(VERSION, SizeCheck.AS_INITIALIZED);
        this.attentionSize = attentionSize;
        queryProjection = addChildBlock("wq", projection(attentionSize));
        keyProjection = addChildBlock("wk", projection(attentionSize));
        v = addChildBlock("v", projection(1));
    }

    private static Linear projection(int units) {
        return Linear.builder().setUnits(units).optBias(false).build();
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static AttentionSizeBuilder<AdditiveScore> builder() {
        return new AttentionSizeBuilder<>("AdditiveScore", AdditiveScore::new);
    }

    /**
     * Returns the attention hidden size A.
     *
     * @return A
     */
    public int attentionSize() {
        return attentionSize;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape query = inputShapes[0];
        Shape keys = inputShapes[1];
        queryProjection.initialize(manager, dataType, query); // (B, T, Hq)
        keyProjection.initialize(manager, dataType, keys); // (B, S, Hk)
        Shape grid = new Shape(query.get(0), query.get(1), keys.get(1), attentionSize);
        v.initialize(manager, dataType, grid); // (B, T, S, A)
    }

    /**
     * Projects the keys, {@code W_k h_s}, once per source.
     *
     * @param parameterStore the parameter store
     * @param keys the keys (B, S, Hk)
     * @param training whether this is a training pass
     * @return the projected keys (B, S, A)
     * @throws IllegalArgumentException if the keys are not (B, S, Hk) with the initialized Hk
     */
    @Override
    public NDArray prepareKeys(ParameterStore parameterStore, NDArray keys, boolean training) {
        Shapes.check("keys", keys, "B, S, Hk", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        if (keys.getShape().get(2) != initializedKeySize()) {
            throw new IllegalArgumentException(
                    String.format(
                            "AdditiveScore: expected keys of size Hk = %d as initialized, got %d",
                            initializedKeySize(), keys.getShape().get(2)));
        }
        return applyLinear(keyProjection, parameterStore, keys, training); // (B, S, A)
    }

    /**
     * {@inheritDoc} Here the prepared keys are the projected ones, so K must be A; {@link
     * #prepareKeys} has checked Hk.
     *
     * @throws IllegalArgumentException if Hq differs from the initialized size or K from A
     */
    @Override
    protected void checkSizes(long querySize, long preparedKeySize) {
        checkInitializedSizes(querySize, initializedKeySize());
        if (preparedKeySize != attentionSize) {
            throw new IllegalArgumentException(
                    String.format(
                            "AdditiveScore: expected prepared keys of size A = %d, got %d",
                            attentionSize, preparedKeySize));
        }
    }

    /** {@inheritDoc} The keys arrive projected by {@link #prepareKeys}, (B, S, A). */
    @Override
    protected NDArray score(
            ParameterStore parameterStore, NDArray query, NDArray k, boolean training) {
        NDArray q = applyLinear(queryProjection, parameterStore, query, training); // (B, T, A)
        NDArray sum = q.expandDims(2).add(k.expandDims(1)); // (B, T, 1, A) + (B, 1, S, A)
        NDArray energy = applyLinear(v, parameterStore, sum.tanh(), training); // (B, T, S, 1)
        return energy.squeeze(3); // (B, T, S)
    }
}
