package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MatrixProductTest {

    @Test
    void flopsAreTwoMultiplyAddsPerTerm() {
        MatrixProduct p = new MatrixProduct("p", 3, 5, 7);
        assertEquals(2 * 3 * 5 * 7, p.flops());
        assertEquals("(3, 5) x (5, 7)", p.shape());
        // doubling any one dimension doubles the work
        assertEquals(2 * p.flops(), new MatrixProduct("p", 3, 10, 7).flops());
    }

    @Test
    void squareHasEqualSides() {
        MatrixProduct p = MatrixProduct.square(2048);
        assertEquals(2L * 2048 * 2048 * 2048, p.flops());
        assertEquals("square 2048x2048", p.name());
    }

    @Test
    void emptyOrUnnamedProductsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MatrixProduct("p", 0, 5, 7));
        assertThrows(IllegalArgumentException.class, () -> new MatrixProduct(" ", 1, 5, 7));
        assertThrows(
                ArithmeticException.class,
                () -> new MatrixProduct("huge", 1L << 30, 1L << 20, 1L << 20).flops());
    }
}
