package dev.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void wrongShapeNamesExpectedAndActual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray query = manager.zeros(new Shape(64, 7, 128));
            assertSame(query, Shapes.check("query", query, "B, T, H", 64, Shapes.ANY, 128));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> Shapes.check("query", query, "B, T, H", 64, Shapes.ANY, 256));
            assertEquals(
                    "query: expected (B, T, H) = (64, ?, 256), got (64, 7, 128)", e.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Shapes.check("query", query, "B, H", 64, 128));
        }
    }
}
