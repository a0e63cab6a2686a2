package dev.seq2seq.decode;

import java.util.Random;

/**
 * The policy of a {@link StepwiseSearch}: picks a sentence's next token from one step's
 * log-probabilities. {@link GreedySearch} is {@link #argMax()}, {@link Sampler} is {@link
 * #sampling}; everything else about the two searches is the shared loop. Shapes: N rows, V target
 * vocabulary.
 */
@FunctionalInterface
interface TokenChooser {

    /**
     * Picks the next token of one row.
     *
     * @param step the step's log-probabilities (N, V)
     * @param row the row, in [0, N)
     * @return the token id, in [0, V)
     */
    int choose(StepOutput step, int row);

    /**
     * Returns the greedy policy: {@code y_t = argmax p(y | y_<t, x)}, ties to the lowest id.
     *
     * @return the policy
     */
    static TokenChooser argMax() {
        return StepOutput::argMax;
    }

    /**
     * Returns the sampling policy: one draw from {@code distribution}, using one number of {@code
     * random} per call.
     *
     * @param distribution the temperature, top-k and top-p
     * @param random the source of randomness, shared across calls
     * @return the policy
     */
    static TokenChooser sampling(SamplingDistribution distribution, Random random) {
        return (step, row) -> {
            int v = step.vocabularySize();
            double[] p = distribution.probabilities(step.logProbs(), row * v, v);
            return SamplingDistribution.draw(p, random);
        };
    }
}
