package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.PositionalEncodingType;

import org.junit.jupiter.api.Test;

class PositionalEncodingTest {

    @Test
    void sinusoidValuesFollowTheFormula() {
        try (NDManager manager = NDManager.newBaseManager()) {
            int d = 6;
            float[] pe = PositionalEncoding.sinusoid(manager, 0, 4, d).toFloatArray(); // (4, 6)
            for (int p = 0; p < 4; p++) {
                for (int i = 0; i < d / 2; i++) {
                    double angle = p / Math.pow(10000, 2.0 * i / d);
                    assertEquals(
                            Math.sin(angle), pe[p * d + 2 * i], 1e-6, "p=" + p + " 2i=" + 2 * i);
                    assertEquals(Math.cos(angle), pe[p * d + 2 * i + 1], 1e-6, "p=" + p);
                }
            }
            // hand-computed: position 3, dimensions 0 and 1 are sin(3) and cos(3); dimension 2 is
            // sin(3 / 10000^(2/6)) = sin(3 / 21.544)
            assertEquals(0.14112, pe[3 * d], 1e-5);
            assertEquals(-0.98999, pe[3 * d + 1], 1e-5);
            assertEquals(0.13880, pe[3 * d + 2], 1e-5);
        }
    }

    @Test
    void anOffsetEncodesTheSamePositionsAsALongerRun() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray all = PositionalEncoding.sinusoid(manager, 0, 9, 8);
            NDArray tail = PositionalEncoding.sinusoid(manager, 5, 4, 8);
            assertArrayEquals(all.get("5:").toFloatArray(), tail.toFloatArray(), 0f);
            PositionalEncoding encoding =
                    new PositionalEncoding(PositionalEncodingType.SINUSOIDAL, 8, 1);
            encoding.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.ones(new Shape(2, 1, 8));
            NDArray added =
                    encoding.add(ps, x, 7, false); // beyond maxPositions: sinusoids have none
            assertArrayEquals(
                    all.get("7").add(1).toFloatArray(), added.get("1, 0").toFloatArray(), 1e-6f);
        }
    }

    @Test
    void learnedEncodingAddsItsRowsAndRejectsPositionsBeyondItsTable() {
        try (NDManager manager = NDManager.newBaseManager()) {
            PositionalEncoding encoding =
                    new PositionalEncoding(PositionalEncodingType.LEARNED, 4, 5);
            encoding.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray table = encoding.getDirectParameters().get("positions").getArray(); // (5, 4)
            NDArray x = manager.zeros(new Shape(1, 2, 4));
            assertArrayEquals(
                    table.get("3:5").toFloatArray(),
                    encoding.add(ps, x, 3, false).toFloatArray(),
                    0f);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> encoding.add(ps, x, 4, false));
            assertTrue(e.getMessage().contains("position 5 is beyond its 5"), e.getMessage());
        }
    }

    @Test
    void wrongShapeNamesExpectedAndActual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            PositionalEncoding encoding =
                    new PositionalEncoding(PositionalEncodingType.SINUSOIDAL, 8, 10);
            encoding.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> encoding.add(ps, manager.zeros(new Shape(2, 3, 6)), 0, false));
            assertEquals("x: expected (B, T, D) = (?, ?, 8), got (2, 3, 6)", e.getMessage());
        }
    }
}
