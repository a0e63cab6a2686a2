package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Preconditions;

import dev.seq2seq.Scalars;
import dev.seq2seq.Shapes;

/**
 * Local attention with predicted alignment ("local-p") of Luong et al. (2015), "Effective
 * Approaches to Attention-based Neural Machine Translation", eq. (9)-(10): each query step attends
 * to a window of 2W + 1 positions around a predicted position p_t (the paper writes D for the
 * half-width W; here D is the Transformer's model size).
 *
 * <p>Positions are 0-based, s = 0 .. S - 1, and L_b is the valid length of sentence b:
 *
 * <pre>
 *   p_t    = (L_b - 1) &middot; sigmoid(v_p^T tanh(W_p q_t))   in [0, L_b - 1]
 *   V_t    = { s : |s - p_t| &lt;= W and s &lt; L_b }                     (the window)
 *   a_t(s) = softmax over s in V_t of ( score(q_t, m_s) - (s - p_t)&sup2; / (2&sigma;&sup2;) )
 *            with &sigma; = W / 2
 *   a_t(s) = 0 for s outside V_t;   c_t = sum_s a_t(s) m_s
 * </pre>
 *
 * <p>Luong writes p_t = S &middot; sigmoid(...) with the sentence length S. Here positions are
 * 0-based and the factor is the last valid position, L_b minus 1, so p_t always lies on the valid
 * positions of its own sentence and padding never attracts the window. Then round(p_t) is a valid
 * position within 1/2 &lt;= W of p_t, so every window holds at least one valid position and the
 * softmax is never 0/0.
 *
 * <p>How this differs from Luong: the paper multiplies the window softmax by the Gaussian, a_t(s) =
 * align(q_t, m_s) &middot; exp(-(s - p_t)&sup2; / 2&sigma;&sup2;), so its weights sum to less than
 * 1. Here the Gaussian enters as a log-bias before one softmax, which is the same product
 * renormalised: a_t(s) = align(s) g(s) / sum_j align(j) g(j). The weights keep the ordering of
 * Luong's and their gradient reaches p_t through the Gaussian term, as in the paper; the window
 * edges are hard, with no gradient, as in the paper. In return the weights sum to 1 and are exactly
 * 0 at padding and outside the window.
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, Hq: query size, Hk: memory size, A:
 * position predictor size): input {@code NDList(query (B, T, Hq), memory (B, S, Hk), memoryLengths
 * (B))}, output {@code NDList(context (B, T, Hk), weights (B, T, S))}; see {@link AttentionBlock}.
 * W_p is (A, Hq) and v_p is (1, A).
 */
public final class LocalAttention extends AttentionBlock {

    private static final byte VERSION = 1;

    private final int halfWidth;
    private final int positionSize;
    private final Parameter positionWeight;
    private final Parameter positionVector;

    private LocalAttention(Builder builder) {
        super(VERSION, builder.score);
        halfWidth = builder.halfWidth;
        positionSize = builder.positionSize;
        positionWeight = addParameter(weight("positionWeight"));
        positionVector = addParameter(weight("positionVector"));
    }

    private static Parameter weight(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the window half-width W.
     *
     * @return W
     */
    public int halfWidth() {
        return halfWidth;
    }

    /**
     * Predicts the window centres p_t = (L_b - 1) &middot; sigmoid(v_p<sup>T</sup> tanh(W_p q_t)).
     *
     * @param parameterStore the parameter store
     * @param query the query (B, T, Hq)
     * @param memoryLengths the valid lengths (B), int64
     * @param training whether this is a training pass
     * @return p (B, T), each in [0, L_b - 1], in the query's data type
     * @throws IllegalArgumentException if the query size differs from the initialized Hq, or the
     *     lengths are not (B)
     */
    public NDArray positions(
            ParameterStore parameterStore, NDArray query, NDArray memoryLengths, boolean training) {
        NDArray wp = parameterStore.getValue(positionWeight, query.getDevice(), training);
        NDArray vp = parameterStore.getValue(positionVector, query.getDevice(), training);
        long hq = wp.getShape().get(1);
        Shapes.check("query", query, "B, T, Hq", Shapes.ANY, Shapes.ANY, hq);
        Shapes.check("memoryLengths", memoryLengths, "B", query.getShape().get(0));
        NDArray hidden = Linear.linear(query, wp).singletonOrThrow().tanh(); // (B, T, A)
        NDArray gate = Linear.linear(hidden, vp).singletonOrThrow().squeeze(2); // (B, T)
        NDArray last = memoryLengths.sub(1).toType(query.getDataType(), false); // (B)
        return Activation.sigmoid(gate).mul(last.expandDims(1)); // (B, T) * (B, 1) = (B, T)
    }

    /** {@inheritDoc} */
    @Override
    protected void prepare(Shape[] inputShapes) {
        long hq = inputShapes[0].get(2);
        long a = positionSize > 0 ? positionSize : hq;
        positionWeight.setShape(new Shape(a, hq)); // W_p (A, Hq)
        positionVector.setShape(new Shape(1, a)); // v_p (1, A)
    }

    /** {@inheritDoc} */
    @Override
    protected NDList attendPrepared(
            ParameterStore parameterStore,
            NDArray query,
            AttentionMemory memory,
            boolean training) {
        long b = query.getShape().get(0);
        long t = query.getShape().get(1);
        long s = memory.values().getShape().get(1);
        NDArray valid = MaskedSoftmax.mask(memory.lengths(), s); // (B, S), checked by prepare
        NDArray p = positions(parameterStore, query, memory.lengths(), training); // (B, T)
        DataType type = query.getDataType();
        NDArray steps = query.getManager().arange(0f, s, 1f, type).reshape(1, 1, s); // (1, 1, S)
        NDArray offset = steps.sub(p.expandDims(2)); // (1, 1, S) - (B, T, 1) = (B, T, S)
        NDArray inWindow = offset.abs().lte(halfWidth); // (B, T, S)
        NDArray allowed = inWindow.logicalAnd(valid.expandDims(1).broadcast(b, t, s)); // (B, T, S)
        double sigma = halfWidth / 2.0;
        NDArray minusTwoSigmaSquared = Scalars.of(offset, -2 * sigma * sigma); // see Scalars
        NDArray logGaussian = offset.square().div(minusTwoSigmaSquared); // (B, T, S)
        NDArray scores = scores(parameterStore, query, memory.keys(), training); // (B, T, S)
        NDArray logits = scores.add(logGaussian); // (B, T, S)
        NDArray weights = MaskedSoftmax.softmaxWithMask(logits, allowed); // (B, T, S)
        NDArray context = weights.matMul(memory.values()); // (B, T, S) x (B, S, Hk) = (B, T, Hk)
        return new NDList(context, weights);
    }

    /** Builds a {@link LocalAttention}. */
    public static final class Builder {

        private AttentionScore score;
        private int halfWidth = 10;
        private int positionSize;
        private boolean positionSizeSet;

        private Builder() {}

        /**
         * Sets the scoring function (required), e.g. {@code AttentionScore.create(type, size)}.
         *
         * @param score the score block; the attention block owns it as a child
         * @return this builder
         */
        public Builder setScore(AttentionScore score) {
            this.score = score;
            return this;
        }

        /**
         * Sets the window half-width W (default 10, as in Luong et al.); the window holds 2W + 1
         * positions and the Gaussian has &sigma; = W / 2.
         *
         * @param halfWidth W, at least 1
         * @return this builder
         */
        public Builder optHalfWidth(int halfWidth) {
            this.halfWidth = halfWidth;
            return this;
        }

        /**
         * Sets the hidden size A of the position predictor W_p (default: the query size Hq).
         *
         * @param positionSize A, at least 1
         * @return this builder
         */
        public Builder optPositionSize(int positionSize) {
            this.positionSize = positionSize;
            this.positionSizeSet = true;
            return this;
        }

        /**
         * Builds the attention block.
         *
         * @return the block
         * @throws IllegalArgumentException if no score was set, or W or A is not positive
         */
        public LocalAttention build() {
            Preconditions.checkArgument(score != null, "LocalAttention needs setScore(score)");
            if (halfWidth < 1) {
                throw new IllegalArgumentException(
                        "LocalAttention needs optHalfWidth(W) with W >= 1, got " + halfWidth);
            }
            if (positionSizeSet && positionSize < 1) {
                throw new IllegalArgumentException(
                        "LocalAttention needs optPositionSize(A) with A >= 1, got " + positionSize);
            }
            return new LocalAttention(this);
        }
    }
}
