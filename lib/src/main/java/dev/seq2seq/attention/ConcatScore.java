package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * The concat score of Luong et al. (2015), "Effective Approaches to Attention-based Neural Machine
 * Translation", eq. (8) "concat":
 *
 * <pre>
 *   score(q_t, k_s) = v^T tanh(W [q_t; k_s]),   W: (A, Hq + Hk), v: (A)
 * </pre>
 *
 * <p>The code follows the equation literally: every (query step, key) pair is concatenated into a
 * (B, T, S, Hq + Hk) grid, so memory grows with T &middot; S &middot; (Hq + Hk). Splitting W = [W_q
 * W_k] gives W [q; k] = W_q q + W_k k, which is {@link AdditiveScore}: the same function family
 * computed without the grid. No biases, as in the paper.
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, Hq: query size, Hk: key size, A: attention
 * size): query (B, T, Hq), keys (B, S, Hk), scores (B, T, S).
 */
public final class ConcatScore extends AttentionScore {

    private static final byte VERSION = 1;

    private final int attentionSize;
    private final Linear w;
    private final Linear v;

    private ConcatScore(int attentionSize) {
        super(VERSION, SizeCheck.AS_INITIALIZED);
        this.attentionSize = attentionSize;
        w = addChildBlock("w", Linear.builder().setUnits(attentionSize).optBias(false).build());
        v = addChildBlock("v", Linear.builder().setUnits(1).optBias(false).build());
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static AttentionSizeBuilder<ConcatScore> builder() {
        return new AttentionSizeBuilder<>("ConcatScore", ConcatScore::new);
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
        long b = query.get(0);
        long t = query.get(1);
        long s = keys.get(1);
        w.initialize(manager, dataType, new Shape(b, t, s, query.get(2) + keys.get(2)));
        v.initialize(manager, dataType, new Shape(b, t, s, attentionSize));
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray score(
            ParameterStore parameterStore, NDArray query, NDArray keys, boolean training) {
        long b = query.getShape().get(0);
        long t = query.getShape().get(1);
        long s = keys.getShape().get(1);
        long hq = query.getShape().get(2);
        long hk = keys.getShape().get(2);
        NDArray q = query.expandDims(2).broadcast(b, t, s, hq); // (B, T, S, Hq)
        NDArray k = keys.expandDims(1).broadcast(b, t, s, hk); // (B, T, S, Hk)
        NDArray pairs = q.concat(k, 3); // (B, T, S, Hq + Hk)
        NDArray hidden = applyLinear(w, parameterStore, pairs, training); // (B, T, S, A)
        NDArray energy = applyLinear(v, parameterStore, hidden.tanh(), training); // (B, T, S, 1)
        return energy.squeeze(3); // (B, T, S)
    }
}
