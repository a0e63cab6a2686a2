package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

class MatMulRateTest {

    @Test
    void measuresForAtLeastTheAskedTimeAndFreesTheOperands() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MatrixProduct product = new MatrixProduct("p", 64, 96, 80);
            int before = manager.getManagedArrays().size();
            MatMulRate rate = MatMulRate.measure(manager, product, 0.05);
            assertEquals(before, manager.getManagedArrays().size());
            assertTrue(rate.seconds() >= 0.05, rate.seconds() + " s");
            assertTrue(rate.repeats() >= 1);
            assertEquals(
                    product.flops() * (double) rate.repeats() / rate.seconds() / 1e9,
                    rate.gflops(),
                    1e-9);
            // the engine does between 0.01 and 100,000 GFLOP/s on any machine we run on
            assertTrue(rate.gflops() > 0.01 && rate.gflops() < 1e5, rate.gflops() + " GFLOP/s");
        }
    }

    @Test
    void aBiggerProductTakesLongerPerRepeat() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MatMulRate small = MatMulRate.measure(manager, MatrixProduct.square(32), 0.05);
            MatMulRate large = MatMulRate.measure(manager, MatrixProduct.square(256), 0.05);
            // 512 times the FLOPs cannot run as often in the same time
            assertTrue(
                    large.seconds() / large.repeats() > small.seconds() / small.repeats(),
                    small + " vs " + large);
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> MatMulRate.measure(manager, MatrixProduct.square(4), 0));
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> new MatMulRate(MatrixProduct.square(4), 0, 1.0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MatMulRate(MatrixProduct.square(4), 1, 0.0));
    }
}
