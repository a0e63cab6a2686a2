package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;

import org.junit.jupiter.api.Test;

class BridgeTest {

    private static NDList run(NDManager manager, Bridge bridge, NDArray state) {
        bridge.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        bridge.initialize(manager, DataType.FLOAT32, state.getShape());
        return bridge.forward(new ParameterStore(manager, false), new NDList(state), false);
    }

    @Test
    void eachTypeMapsEncoderStateToDecoderState() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray state = manager.randomNormal(new Shape(3, 2, 8));
            assertEquals(
                    0f,
                    run(manager, new Bridge(BridgeType.NONE, 8, 5, 1), state)
                            .head()
                            .abs()
                            .sum()
                            .getFloat());
            assertSame(state, run(manager, new Bridge(BridgeType.COPY, 8, 8, 1), state).head());
            NDArray linear = run(manager, new Bridge(BridgeType.LINEAR, 8, 5, 1), state).head();
            assertEquals(new Shape(3, 2, 5), linear.getShape());
            assertTrue(linear.abs().max().getFloat() <= 1f, "tanh keeps values in [-1, 1]");
        }
    }

    @Test
    void copyNeedsEqualSizes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new Bridge(BridgeType.COPY, 16, 8, 1));
        assertTrue(e.getMessage().contains("use LINEAR"));
    }

    @Test
    void wrongStateSizeIsNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    run(
                                            manager,
                                            new Bridge(BridgeType.NONE, 8, 5, 1),
                                            manager.zeros(new Shape(3, 2, 6))));
            assertEquals(
                    "encoder state: expected (B, L, M) = (?, ?, 8), got (3, 2, 6)", e.getMessage());
        }
    }
}
