package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

import dev.seq2seq.Shapes;

/**
 * The softmax over source positions that ignores padding.
 *
 * <p>For scores x (B, T, S) and a set of allowed positions V (for {@link #softmax} the valid
 * positions s &lt; L_b of sentence b, where L_b is its length):
 *
 * <pre>
 *   a_s = exp(x_s - m) / sum_{j in V} exp(x_j - m)   if s in V
 *   a_s = 0                                          otherwise,      m = max_{j in V} x_j
 * </pre>
 *
 * <p>Implementation: positions outside V are set to -&infin;, then an ordinary softmax runs over
 * the last axis. Since exp(-&infin;) = 0, padded weights are exactly 0.0 (not merely small), and
 * the weights sum to 1 over V. The engine's softmax subtracts the row maximum m first (softmax is
 * unchanged by a shift), so scores of any size give no overflow and no NaN, as long as every row
 * allows at least one position; the methods check that and throw otherwise. The gradient with
 * respect to the scores is 0 at positions outside V.
 *
 * <p>DJL's {@code sequenceMask} throws on PyTorch, so the mask is built from {@code arange(S) <
 * lengths}.
 */
public final class MaskedSoftmax {

    private MaskedSoftmax() {}

    /**
     * Builds the mask of valid positions: {@code mask[b][s] = s < lengths[b]}.
     *
     * @param lengths the valid lengths (B), an integer array (int64)
     * @param s the number of positions S
     * @return the mask (B, S), boolean
     * @throws IllegalArgumentException if {@code lengths} is not of rank 1 or not an integer array
     */
    public static NDArray mask(NDArray lengths, long s) {
        Shapes.check("lengths", lengths, "B", Shapes.ANY);
        if (!lengths.getDataType().isInteger()) {
            throw new IllegalArgumentException(
                    "lengths: expected an integer array (int64), got " + lengths.getDataType());
        }
        NDArray positions = lengths.getManager().arange(0, (int) s, 1, DataType.INT64); // (S)
        NDArray column = lengths.toType(DataType.INT64, false).expandDims(1); // (B, 1)
        return positions.lt(column); // (B, S)
    }

    /**
     * Softmax over the last axis restricted to each sentence's valid positions.
     *
     * @param scores the scores (B, T, S), floating point
     * @param lengths the valid lengths (B), int64, each in [1, S]
     * @return the weights (B, T, S): each row sums to 1 over s &lt; L_b and is exactly 0 elsewhere
     * @throws IllegalArgumentException if a shape is wrong, or a length is outside [1, S]
     */
    public static NDArray softmax(NDArray scores, NDArray lengths) {
        Shapes.check("scores", scores, "B, T, S", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        long b = scores.getShape().get(0);
        long t = scores.getShape().get(1);
        long s = scores.getShape().get(2);
        Shapes.check("lengths", lengths, "B", b);
        NDArray valid = mask(lengths, s); // (B, S)
        checkLengths(lengths, s);
        return fill(scores, valid.expandDims(1).broadcast(b, t, s)); // (B, T, S)
    }

    /**
     * Softmax over the last axis restricted to the allowed positions of each row.
     *
     * @param scores the scores (B, T, S), floating point
     * @param allowed which positions take part (B, T, S), boolean; each row needs one at least
     * @return the weights (B, T, S): each row sums to 1 over its allowed positions and is exactly 0
     *     elsewhere
     * @throws IllegalArgumentException if a shape or data type is wrong, or a row allows nothing
     */
    public static NDArray softmaxWithMask(NDArray scores, NDArray allowed) {
        Shapes.check("scores", scores, "B, T, S", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        long[] shape = scores.getShape().getShape();
        Shapes.check("allowed", allowed, "B, T, S", shape);
        if (!allowed.getDataType().isBoolean()) {
            throw new IllegalArgumentException(
                    "allowed: expected a boolean array, got " + allowed.getDataType());
        }
        NDArray counts = allowed.toType(DataType.INT64, false).sum(new int[] {2}); // (B, T)
        if (counts.min().getLong() < 1) {
            throw new IllegalArgumentException("allowed: every row needs an allowed position");
        }
        return fill(scores, allowed);
    }

    /**
     * Checks that every length lies in [1, S].
     *
     * @param lengths the lengths (B), integer
     * @param s the number of positions S
     * @throws IllegalArgumentException if a length is outside [1, S]
     */
    static void checkLengths(NDArray lengths, long s) {
        long min = lengths.min().toType(DataType.INT64, false).getLong();
        long max = lengths.max().toType(DataType.INT64, false).getLong();
        if (min < 1 || max > s) {
            throw new IllegalArgumentException(
                    String.format(
                            "lengths: expected each in [1, S] = [1, %d], got [%d, %d]",
                            s, min, max));
        }
    }

    /**
     * Builds the additive padding mask of {@link #softmaxWithBias}: 0 where {@code s < lengths[b]},
     * −∞ elsewhere. Built once per source, it replaces the mask and checks that {@link #softmax}
     * builds at every call.
     *
     * @param lengths the valid lengths (B), int64, each in [1, S]
     * @param s the number of positions S
     * @param dataType the scores' data type
     * @return the bias (B, 1, S)
     * @throws IllegalArgumentException if {@code lengths} is not (B) integer or a length is outside
     *     [1, S]
     */
    public static NDArray paddingBias(NDArray lengths, long s, DataType dataType) {
        NDArray valid = mask(lengths, s); // (B, S)
        checkLengths(lengths, s);
        NDArray zeros = lengths.getManager().zeros(valid.getShape(), dataType);
        NDArray minusInfinity =
                lengths.getManager().full(valid.getShape(), Float.NEGATIVE_INFINITY, dataType);
        return NDArrays.where(valid, zeros, minusInfinity).expandDims(1); // (B, 1, S)
    }

    /**
     * Softmax over the last axis after adding a padding bias from {@link #paddingBias}: the same
     * weights as {@link #softmax} for finite scores (a valid score plus 0 is the score; a padded
     * one plus −∞ is −∞), with one addition instead of building the mask again.
     *
     * @param scores the scores (B, T, S), finite
     * @param paddingBias the bias (B, 1, S)
     * @return the weights (B, T, S): each row sums to 1 over the valid positions and is exactly 0
     *     elsewhere
     * @throws IllegalArgumentException if a shape is wrong
     */
    public static NDArray softmaxWithBias(NDArray scores, NDArray paddingBias) {
        Shapes.check("scores", scores, "B, T, S", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        long[] shape = scores.getShape().getShape();
        Shapes.check("paddingBias", paddingBias, "B, 1, S", shape[0], 1, shape[2]);
        return scores.add(paddingBias).softmax(-1); // (B, T, S)
    }

    private static NDArray fill(NDArray scores, NDArray allowed) {
        NDArray minusInfinity =
                scores.getManager()
                        .full(scores.getShape(), Float.NEGATIVE_INFINITY, scores.getDataType());
        return NDArrays.where(allowed, scores, minusInfinity).softmax(-1); // (B, T, S)
    }
}
