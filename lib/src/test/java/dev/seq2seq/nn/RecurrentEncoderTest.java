package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecurrentEncoderTest {

    private static RecurrentEncoder encoder(NDManager manager, CellType cell) {
        Engine.getInstance().setRandomSeed(5);
        RecurrentEncoder encoder = new RecurrentEncoder(20, 6, cell, 5, 2, true, 0f);
        encoder.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1));
        return encoder;
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void paddingChangesNeitherValidOutputsNorFinalState(CellType cell) {
        try (NDManager manager = NDManager.newBaseManager()) {
            RecurrentEncoder encoder = encoder(manager, cell);
            ParameterStore ps = new ParameterStore(manager, false);
            long[] sentence = {4, 9, 3};
            NDList alone =
                    encoder.forward(
                            ps,
                            new NDList(
                                    manager.create(sentence, new Shape(1, 3)),
                                    manager.create(new long[] {3})),
                            false);
            long[] batch = {7, 8, 5, 6, 3, 4, 9, 3, 0, 0};
            NDList padded =
                    encoder.forward(
                            ps,
                            new NDList(
                                    manager.create(batch, new Shape(2, 5)),
                                    manager.create(new long[] {5, 3})),
                            false);
            NDArray valid = padded.get(0).get("1, :3, :");
            assertTrue(
                    valid.allClose(alone.get(0).get(0), 1e-5, 1e-6, false), "valid outputs differ");
            assertEquals(0f, padded.get(0).get("1, 3:, :").abs().sum().getFloat());
            for (int i = 1; i < alone.size(); i++) {
                assertTrue(
                        padded.get(i).get(1).allClose(alone.get(i).get(0), 1e-5, 1e-6, false),
                        "final state " + i);
            }
        }
    }

    @Test
    void outputsHaveTheDocumentedShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RecurrentEncoder encoder = encoder(manager, CellType.LSTM);
            NDList out =
                    encoder.forward(
                            new ParameterStore(manager, false),
                            new NDList(
                                    manager.zeros(new Shape(3, 4), DataType.INT64),
                                    manager.create(new long[] {4, 2, 1})),
                            false);
            assertEquals(new Shape(3, 4, 10), out.get(0).getShape());
            assertEquals(new Shape(3, 2, 10), out.get(1).getShape());
            assertEquals(new Shape(3, 2, 10), out.get(2).getShape());
            assertArrayEquals(
                    new Shape[] {new Shape(3, 4, 10), new Shape(3, 2, 10), new Shape(3, 2, 10)},
                    encoder.getOutputShapes(new Shape[] {new Shape(3, 4), new Shape(3)}));
        }
    }

    @Test
    void wrongShapesAndLengthsAreNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RecurrentEncoder encoder = encoder(manager, CellType.GRU);
            ParameterStore ps = new ParameterStore(manager, false);
            IllegalArgumentException shape =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    encoder.forward(
                                            ps,
                                            new NDList(
                                                    manager.zeros(new Shape(3), DataType.INT64),
                                                    manager.create(new long[] {1})),
                                            false));
            assertTrue(
                    shape.getMessage().startsWith("source: expected (B, S)"), shape.getMessage());
            IllegalArgumentException length =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    encoder.forward(
                                            ps,
                                            new NDList(
                                                    manager.zeros(new Shape(1, 3), DataType.INT64),
                                                    manager.create(new long[] {4})),
                                            false));
            assertEquals("sourceLengths[0] = 4 is outside 1..3", length.getMessage());
        }
    }
}
