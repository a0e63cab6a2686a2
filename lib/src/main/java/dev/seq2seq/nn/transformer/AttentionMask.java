package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import dev.seq2seq.attention.MaskedSoftmax;

/**
 * The additive masks of Transformer attention, 0 where a query may look and −∞ where it may not,
 * added to the scores before the softmax so that masked weights are exactly 0 (exp(−∞) = 0; see
 * {@link MaskedSoftmax}).
 *
 * <ul>
 *   <li>{@link #causalBias}: the causal (look-ahead) mask of decoder self-attention (Vaswani et al.
 *       2017, section 3.2.3): the query at target position i sees keys at positions j ≤ i only, so
 *       a position never depends on later tokens and training on all positions at once equals
 *       decoding one position at a time.
 *   <li>{@link #paddingBias}: the key-padding mask, {@link MaskedSoftmax#paddingBias} with a head
 *       axis.
 * </ul>
 *
 * <p>Shapes: B batch, h heads, T query positions, P positions already decoded, S source steps.
 */
public final class AttentionMask {

    private AttentionMask() {}

    /**
     * Builds the causal bias for T queries at positions P..P+T-1 over the keys at positions
     * 0..P+T-1: {@code bias[i][j] = 0} if {@code j <= P + i}, else −∞.
     *
     * @param manager the manager of the result
     * @param past P, the positions before the first query (0 under teacher forcing)
     * @param t T, the queries
     * @param dataType the scores' data type
     * @return the bias (1, 1, T, P + T), broadcast over batch and heads
     * @throws IllegalArgumentException if P &lt; 0 or T &lt; 1
     */
    public static NDArray causalBias(NDManager manager, long past, long t, DataType dataType) {
        if (past < 0 || t < 1) {
            throw new IllegalArgumentException("need P >= 0 and T >= 1, got " + past + ", " + t);
        }
        NDArray keys = manager.arange(0, (int) (past + t), 1, DataType.INT64); // (P+T)
        NDArray queries = manager.arange((int) past, (int) (past + t), 1, DataType.INT64); // (T)
        NDArray allowed = keys.expandDims(0).lte(queries.expandDims(1)); // (T, P+T)
        Shape shape = allowed.getShape();
        NDArray zeros = manager.zeros(shape, dataType);
        NDArray minusInfinity = manager.full(shape, Float.NEGATIVE_INFINITY, dataType);
        return NDArrays.where(allowed, zeros, minusInfinity).reshape(1, 1, t, past + t);
    }

    /**
     * Builds the key-padding bias: 0 at source positions {@code s < lengths[b]}, −∞ beyond.
     *
     * @param lengths the valid lengths (B) int64, each in [1, S]
     * @param s S
     * @param dataType the scores' data type
     * @return the bias (B, 1, 1, S), broadcast over heads and queries
     * @throws IllegalArgumentException if {@code lengths} is not (B) integer or a length is outside
     *     [1, S]
     */
    public static NDArray paddingBias(NDArray lengths, long s, DataType dataType) {
        return MaskedSoftmax.paddingBias(lengths, s, dataType).expandDims(1); // (B, 1, 1, S)
    }
}
