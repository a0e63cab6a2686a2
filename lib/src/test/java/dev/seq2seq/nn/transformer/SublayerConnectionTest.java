package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.NormPlacement;

import org.junit.jupiter.api.Test;

/**
 * γ = 1 and β = 0 after initialisation, so LayerNorm(x) = (x - mean) / sqrt(var + ε) per position.
 */
class SublayerConnectionTest {

    private static SublayerConnection connection(NDManager manager, NormPlacement placement) {
        SublayerConnection c = new SublayerConnection(placement, 6, 0.5f);
        c.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 6), new Shape(1, 1, 6));
        return c;
    }

    /** The layer norm formula over the last axis, ε = 1e-5. */
    private static NDArray layerNorm(NDArray x) {
        NDArray mean = x.mean(new int[] {2}, true);
        NDArray centred = x.sub(mean);
        NDArray variance = centred.square().mean(new int[] {2}, true);
        return centred.div(variance.add(1e-5).sqrt());
    }

    @Test
    void postNormIsLayerNormOfTheResidualSum() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SublayerConnection c = connection(manager, NormPlacement.POST);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 3, 6));
            NDArray fx = manager.randomNormal(new Shape(2, 3, 6));
            NDArray expected = layerNorm(x.add(fx));
            assertTrue(expected.allClose(c.output(ps, x, fx, false), 1e-5, 1e-5, false));
            assertTrue(x.allClose(c.input(ps, x, false), 0, 0, false));
        }
    }

    @Test
    void preNormNormalisesTheSublayerInputAndKeepsTheIdentityPath() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SublayerConnection c = connection(manager, NormPlacement.PRE);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 3, 6)).mul(3).add(1);
            NDArray y = c.apply(ps, x, v -> v.mul(2), false);
            assertTrue(x.add(layerNorm(x).mul(2)).allClose(y, 1e-5, 1e-5, false));
            SublayerConnection post = connection(manager, NormPlacement.POST);
            assertFalse(y.allClose(post.apply(ps, x, v -> v.mul(2), false), 1e-3, 1e-3, false));
        }
    }

    @Test
    void dropoutActsOnTheSublayerOutputOnlyInTraining() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SublayerConnection c = connection(manager, NormPlacement.PRE);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.zeros(new Shape(1, 50, 6));
            NDArray fx = manager.ones(new Shape(1, 50, 6));
            NDArray trained = c.output(ps, x, fx, true);
            float zeros = trained.eq(0).toType(DataType.FLOAT32, false).mean().getFloat();
            assertTrue(zeros > 0.3 && zeros < 0.7, "dropped share " + zeros);
            assertTrue(fx.allClose(c.output(ps, x, fx, false), 0, 0, false));
        }
    }
}
