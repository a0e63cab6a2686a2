package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

/** The finite-difference check itself must fail on a wrong gradient, or it proves nothing. */
class GradientCheckTest {

    @Test
    void wrongGradientIsDetected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = TestArrays.normal(manager, new Random(5), DataType.FLOAT64, 3);
            // autograd sees d/dx sum(x * stop(x)) = x, the true derivative of sum(x^2) is 2x
            assertThrows(
                    AssertionError.class,
                    () ->
                            GradientCheck.assertMatches(
                                    () -> x.mul(x.stopGradient()).sum(), List.of("x"), List.of(x)));
            GradientCheck.assertMatches(() -> x.mul(x).sum(), List.of("x"), List.of(x));
        }
    }
}
