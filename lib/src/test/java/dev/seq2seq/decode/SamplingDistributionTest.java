package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Random;

class SamplingDistributionTest {

    /** log(0.5, 0.3, 0.15, 0.05), after one padding entry. */
    private static final float[] LOG_PROBS = {
        -99f,
        (float) Math.log(0.5),
        (float) Math.log(0.3),
        (float) Math.log(0.15),
        (float) Math.log(0.05)
    };

    private static double[] probabilities(double temperature, int topK, double topP) {
        return new SamplingDistribution(temperature, topK, topP).probabilities(LOG_PROBS, 1, 4);
    }

    @Test
    void temperatureOneWithoutTruncationIsTheModelDistribution() {
        assertArrayEquals(new double[] {0.5, 0.3, 0.15, 0.05}, probabilities(1, 0, 1), 1e-6);
    }

    @Test
    void temperatureRaisesProbabilitiesToThePowerOneOverTau() {
        double[] p = probabilities(2, 0, 1);
        double z = Math.sqrt(0.5) + Math.sqrt(0.3) + Math.sqrt(0.15) + Math.sqrt(0.05);
        assertArrayEquals(
                new double[] {
                    Math.sqrt(0.5) / z, Math.sqrt(0.3) / z, Math.sqrt(0.15) / z, Math.sqrt(0.05) / z
                },
                p,
                1e-6);
        assertArrayEquals(new double[] {1, 0, 0, 0}, probabilities(1e-4, 0, 1), 1e-12);
    }

    @Test
    void topKKeepsTheKMostLikelyTokensRenormalised() {
        assertArrayEquals(new double[] {0.625, 0.375, 0, 0}, probabilities(1, 2, 1), 1e-6);
    }

    @Test
    void topPKeepsTheSmallestSetWithMassAtLeastP() {
        assertArrayEquals(new double[] {0.625, 0.375, 0, 0}, probabilities(1, 0, 0.7), 1e-6);
        assertArrayEquals(
                new double[] {0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0},
                probabilities(1, 0, 0.85),
                1e-6);
        assertArrayEquals(new double[] {1, 0, 0, 0}, probabilities(1, 0, 1e-9), 0);
    }

    @Test
    void tiesAreOrderedByTheLowerTokenId() {
        float[] tied = {-1f, -2f, -1f, -1f};
        double[] p = new SamplingDistribution(1, 2, 1).probabilities(tied, 0, 4);
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, p, 1e-9);
    }

    @Test
    void drawFollowsTheProbabilities() {
        Random random = new Random(1);
        double[] p = {0.1, 0, 0.6, 0.3};
        int[] counts = new int[4];
        for (int i = 0; i < 20_000; i++) {
            counts[SamplingDistribution.draw(p, random)]++;
        }
        assertEquals(0, counts[1]);
        for (int y : new int[] {0, 2, 3}) {
            assertEquals(p[y], counts[y] / 20_000.0, 0.02, "token " + y);
        }
    }

    @Test
    void badValuesAreRejectedNamingThem() {
        assertMessage("temperature", () -> new SamplingDistribution(0, 0, 1));
        assertMessage("temperature", () -> new SamplingDistribution(Double.NaN, 0, 1));
        assertMessage("top-k", () -> new SamplingDistribution(1, -1, 1));
        assertMessage("top-p", () -> new SamplingDistribution(1, 0, 0));
        assertMessage("top-p", () -> new SamplingDistribution(1, 0, 1.5));
    }

    private static void assertMessage(String expected, Runnable constructor) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, constructor::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
