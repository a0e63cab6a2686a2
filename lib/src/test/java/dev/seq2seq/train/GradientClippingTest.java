package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import org.junit.jupiter.api.Test;

import java.util.List;

class GradientClippingTest {

    /**
     * A Linear block with U = 3 units on I = 2 inputs and loss = Σ y over a batch x = [[1, 2], [3,
     * 4]]: dW[u, i] = Σ_b x[b, i] = (4, 6) per unit and db[u] = B = 2, so the global norm is sqrt(3
     * · (16 + 36 + 4)) = sqrt(168).
     */
    private static final double NORM = Math.sqrt(168);

    private static Linear backward(NDManager manager, ParameterStore store) {
        Linear linear = Linear.builder().setUnits(3).build();
        linear.initialize(manager, DataType.FLOAT32, new Shape(2, 2));
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray y = linear.forward(store, new NDList(x), true).singletonOrThrow();
            collector.backward(y.sum());
        }
        return linear;
    }

    private static double hostNorm(List<Parameter> parameters) {
        double sum = 0;
        for (Parameter p : parameters) {
            for (float g : p.getArray().getGradient().toFloatArray()) {
                sum += (double) g * g;
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void returnsTheHandComputedGlobalNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear linear = backward(manager, new ParameterStore(manager, false));
            assertEquals(NORM, GradientClipping.globalNorm(linear.getParameters().values()), 1e-5);
            assertEquals(
                    NORM, GradientClipping.clipByGlobalNorm(linear.getParameters(), 1e9), 1e-5);
        }
    }

    @Test
    void afterClippingTheGlobalNormEqualsMaxNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear linear = backward(manager, new ParameterStore(manager, false));
            List<Parameter> parameters = linear.getParameters().values();
            float[] weightGradBefore = parameters.get(0).getArray().getGradient().toFloatArray();
            double before = GradientClipping.clipByGlobalNorm(linear.getParameters(), 1.5);
            assertEquals(NORM, before, 1e-5);
            assertEquals(1.5, hostNorm(parameters), 1e-5);
            // Same direction: every element scaled by maxNorm / norm.
            float[] weightGradAfter = parameters.get(0).getArray().getGradient().toFloatArray();
            for (int i = 0; i < weightGradBefore.length; i++) {
                assertEquals(weightGradBefore[i] * 1.5 / NORM, weightGradAfter[i], 1e-5);
            }
        }
    }

    @Test
    void gradientsBelowMaxNormAreUnchanged() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear linear = backward(manager, new ParameterStore(manager, false));
            List<Parameter> parameters = linear.getParameters().values();
            float[] weightGrad = parameters.get(0).getArray().getGradient().toFloatArray();
            float[] biasGrad = parameters.get(1).getArray().getGradient().toFloatArray();
            assertEquals(NORM, GradientClipping.clipByGlobalNorm(parameters, NORM + 0.01), 1e-5);
            assertArrayEquals(
                    weightGrad, parameters.get(0).getArray().getGradient().toFloatArray());
            assertArrayEquals(biasGrad, parameters.get(1).getArray().getGradient().toFloatArray());
        }
    }

    @Test
    void optimizerStepUsesTheClippedGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // SGD with learning rate 1: w ← w − clipped gradient, through DJL's ParameterStore.
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1f)).build();
            ParameterStore store = new ParameterStore(manager, false);
            store.setParameterServer(new LocalParameterServer(sgd), new Device[] {Device.cpu()});
            Linear linear = backward(manager, store);
            NDArray weight = linear.getParameters().get(0).getValue().getArray();
            float[] w0 = weight.toFloatArray();
            float[] g0 = weight.getGradient().toFloatArray();
            GradientClipping.clipByGlobalNorm(linear.getParameters(), 1.0);
            store.updateAllParameters();
            float[] w1 = weight.toFloatArray();
            for (int i = 0; i < w0.length; i++) {
                assertEquals(w0[i] - g0[i] / NORM, w1[i], 1e-5);
            }
        }
    }

    @Test
    void badMaxNormIsRejected() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> GradientClipping.clipByGlobalNorm(List.of(), bad));
            assertEquals("maxNorm must be finite and > 0, got " + bad, e.getMessage());
        }
        assertEquals(0, GradientClipping.clipByGlobalNorm(List.of(), 1.0));
    }
}
