package dev.seq2seq.attention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Compares autograd gradients with central finite differences, in float64: for a scalar f and each
 * element x_i of each leaf, (f(x + h e_i) - f(x - h e_i)) / 2h must match df/dx_i.
 */
final class GradientCheck {

    static final double STEP = 1e-6;
    static final double TOLERANCE = 1e-5;

    private GradientCheck() {}

    /**
     * Checks the gradients of sum(score(query, keys) * R), R fixed and random, with respect to the
     * query, the keys and every parameter of the score, with B = 2, T = 2, S = 3.
     */
    static void assertScoreGradients(AttentionScore score, long hq, long hk) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            Shape queryShape = new Shape(2, 2, hq);
            Shape keyShape = new Shape(2, 3, hk);
            score.initialize(manager, DataType.FLOAT64, queryShape, keyShape);
            ParameterStore store = new ParameterStore(manager, false);
            Random random = new Random(11);
            NDArray query = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 2, hq);
            NDArray keys = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 3, hk);
            NDArray r = TestArrays.normal(manager, random, DataType.FLOAT64, 2, 2, 3);
            List<String> names = new ArrayList<>(List.of("query", "keys"));
            List<NDArray> leaves = new ArrayList<>(List.of(query, keys));
            for (Pair<String, Parameter> p : score.getParameters()) {
                names.add(p.getKey());
                leaves.add(p.getValue().getArray());
            }
            assertMatches(
                    () -> score.forward(store, new NDList(query, keys), true).head().mul(r).sum(),
                    names,
                    leaves);
        }
    }

    /** Checks the gradient of {@code objective} (a scalar) with respect to each leaf. */
    static void assertMatches(
            Supplier<NDArray> objective, List<String> names, List<NDArray> leaves) {
        List<double[]> analytic = new ArrayList<>();
        for (NDArray leaf : leaves) {
            leaf.setRequiresGradient(true);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.zeroGradients();
            collector.backward(objective.get());
        }
        for (NDArray leaf : leaves) {
            analytic.add(leaf.getGradient().toDoubleArray());
        }
        for (int j = 0; j < leaves.size(); j++) {
            NDArray leaf = leaves.get(j);
            double[] original = leaf.toDoubleArray();
            for (int i = 0; i < original.length; i++) {
                double[] shifted = original.clone();
                shifted[i] = original[i] + STEP;
                leaf.set(shifted);
                double plus = objective.get().getDouble();
                shifted[i] = original[i] - STEP;
                leaf.set(shifted);
                double minus = objective.get().getDouble();
                leaf.set(original);
                double numeric = (plus - minus) / (2 * STEP);
                double exact = analytic.get(j)[i];
                double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(exact)));
                if (Math.abs(numeric - exact) > TOLERANCE * scale) {
                    throw new AssertionError(
                            String.format(
                                    "d f / d %s[%d]: autograd %.10g, finite differences %.10g",
                                    names.get(j), i, exact, numeric));
                }
            }
        }
    }
}
