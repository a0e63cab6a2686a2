package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Scalars;
import dev.seq2seq.Shapes;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017, sections 3.2.1-3.2.2):
 *
 * <pre>
 *   head_i = softmax(Q W_i^Q (K W_i^K)^T / √d_k + mask) V W_i^V,   d_k = D / h
 *   MultiHead(Q, K, V) = Concat(head_1, ..., head_h) W^O
 * </pre>
 *
 * with the h projections of each kind done as one (D, D) linear layer (with bias) whose output is
 * split into heads. The mask is additive, 0 or −∞ ({@link AttentionMask}), so masked weights are
 * exactly 0. No dropout on the weights: the model applies dropout to each sublayer's output, as the
 * paper does (section 5.4).
 *
 * <p>Our one departure from the paper, opt-in ({@code
 * Seq2SeqConfig.Builder.optAttentionScoreFloor}): with a score floor F &gt; 0, scores more than F
 * below the largest visible score of their row are raised to that floor before the softmax. With F
 * = 50 their weights (below e^−50 ≈ 2·10^−22 of the largest) do not show at float32 precision, but
 * without a floor, as training sharpens the heads, they fall towards 10^−38 and their softmax
 * gradients into subnormal floats, which the reference CPU multiplies about 200 times slower than
 * normal ones (measured in the README).
 *
 * <p>Keys and values are projected by {@link #project} separately from {@link #attend}, so the
 * decoder projects the encoder memory once per source and caches its own past keys and values
 * during search. {@code forward(NDList(query (B, T, D), memory (B, S, D)[, bias]))} does both and
 * returns {@code NDList(output (B, T, D), weights (B, h, T, S))}.
 *
 * <p>Ours rather than DJL's {@code ScaledDotProductAttentionBlock}: see the package documentation;
 * the test checks that both give the same output with the same parameters.
 *
 * <p>Shapes: B batch, T query positions, S key positions, D model size, h heads, d_k = D / h.
 */
public final class MultiHeadAttention extends AbstractBlock {

    private final int modelSize;
    private final int heads;
    private final float scoreFloor;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    /**
     * What {@link #attend} returns.
     *
     * @param output the attended values, projected by W^O (B, T, D)
     * @param weights every head's attention weights (B, h, T, S): each row sums to 1 and is exactly
     *     0 where masked
     */
    public record Attended(NDArray output, NDArray weights) {}

    /**
     * Creates the paper's block, without a score floor.
     *
     * @param modelSize D
     * @param heads h, dividing D
     * @throws IllegalArgumentException if h does not divide D or a size is below 1
     */
    public MultiHeadAttention(int modelSize, int heads) {
        this(modelSize, heads, 0f);
    }

    /**
     * Creates the block with a score floor.
     *
     * @param modelSize D
     * @param heads h, dividing D
     * @param scoreFloor F: 0 for none (the paper), otherwise how far below its row's largest
     *     visible score a scaled score may fall, so that no weight is below e^−F of its row's
     *     largest
     * @throws IllegalArgumentException if h does not divide D, a size is below 1 or F is negative
     */
    public MultiHeadAttention(int modelSize, int heads, float scoreFloor) {
        if (!(scoreFloor >= 0) || !Float.isFinite(scoreFloor)) {
            throw new IllegalArgumentException(
                    "the score floor must be 0 (none) or positive, got " + scoreFloor);
        }
        if (modelSize < 1 || heads < 1 || modelSize % heads != 0) {
            throw new IllegalArgumentException(
                    "the model size D = "
                            + modelSize
                            + " must be a positive multiple of the heads h = "
                            + heads);
        }
        this.modelSize = modelSize;
        this.heads = heads;
        this.scoreFloor = scoreFloor;
        this.query = addChildBlock("query", Linear.builder().setUnits(modelSize).build());
        this.key = addChildBlock("key", Linear.builder().setUnits(modelSize).build());
        this.value = addChildBlock("value", Linear.builder().setUnits(modelSize).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(modelSize).build());
    }

    /**
     * Returns h.
     *
     * @return the number of heads
     */
    public int heads() {
        return heads;
    }

    /**
     * Projects keys and values and splits them into heads.
     *
     * @param ps the parameter store
     * @param memory the positions attended to (B, S, D)
     * @param training whether in training mode
     * @return K and V (B, h, S, d_k)
     * @throws IllegalArgumentException if memory is not (B, S, D)
     */
    public KeyValues project(ParameterStore ps, NDArray memory, boolean training) {
        Shapes.check("memory", memory, "B, S, D", Shapes.ANY, Shapes.ANY, modelSize);
        NDArray k = key.forward(ps, new NDList(memory), training).head(); // (B, S, D)
        NDArray v = value.forward(ps, new NDList(memory), training).head(); // (B, S, D)
        return new KeyValues(split(k), split(v));
    }

    /**
     * Attends from queries to projected keys and values.
     *
     * @param ps the parameter store
     * @param queries the querying positions (B, T, D), not yet projected
     * @param kv keys and values from {@link #project} (B, h, S, d_k)
     * @param bias an additive mask broadcastable to (B, h, T, S), 0 or −∞ (every query must see one
     *     key at least), or null for none
     * @param training whether in training mode
     * @return the output (B, T, D) and the weights (B, h, T, S)
     * @throws IllegalArgumentException if queries is not (B, T, D) or the keys are not (B, h, S,
     *     d_k), naming expected and actual
     */
    public Attended attend(
            ParameterStore ps, NDArray queries, KeyValues kv, NDArray bias, boolean training) {
        Shapes.check("queries", queries, "B, T, D", Shapes.ANY, Shapes.ANY, modelSize);
        long b = queries.getShape().get(0);
        long t = queries.getShape().get(1);
        long dk = modelSize / heads;
        Shapes.check("keys", kv.keys(), "B, h, S, d_k", b, heads, Shapes.ANY, dk);
        Shapes.check("values", kv.values(), "B, h, S, d_k", kv.keys().getShape().getShape());
        NDArray q = split(query.forward(ps, new NDList(queries), training).head()); // (B,h,T,dk)
        NDArray scores = q.matMul(kv.keys().transpose(0, 1, 3, 2)); // (B, h, T, S)
        scores = scores.div(Scalars.of(scores, Math.sqrt(dk))); // not div(Number): see Scalars
        if (scoreFloor > 0) { // our departure from the paper, opt-in: see the class javadoc
            NDArray visible = bias != null ? scores.add(bias) : scores;
            NDArray floor = visible.max(new int[] {-1}, true).stopGradient().sub(scoreFloor);
            scores = scores.maximum(floor); // (B, h, T, S)
        }
        if (bias != null) {
            scores = scores.add(bias); // masked scores stay −∞
        }
        NDArray weights = scores.softmax(-1); // (B, h, T, S)
        NDArray perHead = weights.matMul(kv.values()); // (B, h, T, d_k)
        NDArray joined = perHead.transpose(0, 2, 1, 3).reshape(b, t, modelSize); // (B, T, D)
        return new Attended(output.forward(ps, new NDList(joined), training).head(), weights);
    }

    /** (B, L, D) to (B, h, L, d_k). */
    private NDArray split(NDArray x) {
        long b = x.getShape().get(0);
        long l = x.getShape().get(1);
        return x.reshape(b, l, heads, modelSize / heads).transpose(0, 2, 1, 3); // (B, h, L, dk)
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        KeyValues kv = project(ps, inputs.get(1), training);
        NDArray bias = inputs.size() > 2 ? inputs.get(2) : null;
        Attended a = attend(ps, inputs.get(0), kv, bias, training);
        return new NDList(a.output(), a.weights());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        long s = inputShapes[1].get(1);
        return new Shape[] {q, new Shape(q.get(0), heads, q.get(1), s)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, modelSize);
        query.initialize(manager, dataType, in);
        key.initialize(manager, dataType, in);
        value.initialize(manager, dataType, in);
        output.initialize(manager, dataType, in);
    }
}
