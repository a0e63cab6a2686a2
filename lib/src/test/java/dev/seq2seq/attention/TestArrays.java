package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.Random;

/** Seeded test arrays, filled from {@link java.util.Random} so they do not depend on the engine. */
final class TestArrays {

    private TestArrays() {}

    /** Standard normal values of the given type and shape. */
    static NDArray normal(NDManager manager, Random random, DataType type, long... shape) {
        Shape s = new Shape(shape);
        double[] values = new double[(int) s.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return manager.create(values, s).toType(type, false);
    }

    /**
     * Asserts that each (b, t) row of {@code weights} (B, T, S) sums to 1 over s &lt; lengths[b]
     * and is exactly 0.0 at s &gt;= lengths[b].
     */
    static void assertWeightsIgnorePadding(NDArray weights, long[] lengths, double tolerance) {
        long b = weights.getShape().get(0);
        long t = weights.getShape().get(1);
        long s = weights.getShape().get(2);
        double[] w = weights.toType(DataType.FLOAT64, false).toDoubleArray();
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                double sum = 0;
                for (int k = 0; k < s; k++) {
                    double value = w[(int) ((i * t + j) * s + k)];
                    if (k < lengths[i]) {
                        sum += value;
                        if (!(value >= 0)) {
                            throw new AssertionError("weight " + value + " at " + i + "," + j);
                        }
                    } else if (value != 0.0) {
                        throw new AssertionError(
                                "padding weight "
                                        + value
                                        + " at ("
                                        + i
                                        + ", "
                                        + j
                                        + ", "
                                        + k
                                        + ")");
                    }
                }
                if (Math.abs(sum - 1) > tolerance) {
                    throw new AssertionError("weights of row (" + i + ", " + j + ") sum to " + sum);
                }
            }
        }
    }

    /**
     * Returns the array of a block's parameter by its name without DJL's child-index prefixes, e.g.
     * {@code "score_wq_weight"} for DJL's {@code "01score_01wq_weight"}.
     */
    static NDArray parameter(Block block, String name) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().replaceAll("(^|_)[0-9]+", "$1").equals(name)) {
                return p.getValue().getArray();
            }
        }
        throw new AssertionError("no parameter " + name + " in " + block.getParameters().keys());
    }
}
