package dev.seq2seq.decode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * The distribution {@link Sampler} draws each token from: the model's next-token distribution
 * reshaped, in this order, by
 *
 * <ol>
 *   <li>a temperature τ: {@code p_τ(y) ∝ exp(logit_y / τ)}, computed as {@code exp(log p(y) / τ)}
 *       (the same, since log p differs from the logit by a constant); τ &lt; 1 sharpens, τ &gt; 1
 *       flattens, τ → 0 tends to greedy search;
 *   <li>top-k (Fan et al. 2018): keep the k most likely tokens;
 *   <li>top-p, nucleus sampling (Holtzman et al. 2020): keep the smallest set of most likely tokens
 *       whose probability mass is at least p;
 *   <li>renormalisation of what is kept.
 * </ol>
 *
 * <p>Equal probabilities are ordered by the lower token id, so top-k 1 and a tiny top-p keep
 * exactly the token {@link GreedySearch} takes. Shapes: V target vocabulary.
 *
 * @param temperature τ &gt; 0 (1: the model's distribution)
 * @param topK k ≥ 1 to keep the k most likely tokens, 0 to keep all
 * @param topP p in (0, 1], the nucleus mass (1 keeps all)
 */
public record SamplingDistribution(double temperature, int topK, double topP) {

    /**
     * Validates the parameters.
     *
     * @param temperature τ &gt; 0
     * @param topK k ≥ 0
     * @param topP p in (0, 1]
     * @throws IllegalArgumentException naming the first wrong value
     */
    public SamplingDistribution {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature must be > 0 and finite, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 1, or 0 for off, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
    }

    /**
     * Returns the reshaped distribution of one row of log-probabilities.
     *
     * @param logProbs the model's log-probabilities, row-major
     * @param from the index of the row's first entry
     * @param v V, the row length
     * @return probabilities (V), summing to 1, zero for the tokens cut by top-k or top-p
     */
    public double[] probabilities(float[] logProbs, int from, int v) {
        double max = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < v; y++) {
            max = Math.max(max, logProbs[from + y] / temperature);
        }
        double[] p = new double[v];
        for (int y = 0; y < v; y++) {
            p[y] = Math.exp(logProbs[from + y] / temperature - max); // the largest is 1
        }
        if ((topK > 0 && topK < v) || topP < 1) {
            Integer[] order = new Integer[v];
            Arrays.setAll(order, y -> y);
            Arrays.sort(order, Comparator.comparingDouble(y -> -p[y])); // stable: ties by id
            int keep = topK > 0 ? Math.min(topK, v) : v;
            if (topP < 1) {
                double total = 0;
                for (int r = 0; r < keep; r++) {
                    total += p[order[r]];
                }
                double mass = 0;
                int r = 0;
                while (r < keep && mass < topP * total) {
                    mass += p[order[r++]];
                }
                keep = r;
            }
            for (int r = keep; r < v; r++) {
                p[order[r]] = 0;
            }
        }
        double total = Arrays.stream(p).sum();
        for (int y = 0; y < v; y++) {
            p[y] /= total;
        }
        return p;
    }

    /**
     * Draws a token: one uniform number, then the ids in increasing order.
     *
     * @param p probabilities (V) summing to 1
     * @param random the source of randomness
     * @return the token id
     */
    static int draw(double[] p, Random random) {
        double u = random.nextDouble();
        int last = 0;
        for (int y = 0; y < p.length; y++) {
            if (p[y] > 0) {
                last = y;
                u -= p[y];
                if (u < 0) {
                    return y;
                }
            }
        }
        return last; // rounding left u a hair above 0
    }
}
