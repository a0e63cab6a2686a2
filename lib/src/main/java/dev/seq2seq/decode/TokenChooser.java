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
     * @param t the position of the token being chosen in the output, 0 for the first
     * @return the token id, in [0, V)
     */
    int choose(StepOutput step, int row, int t);

    /**
     * Returns how many of each row's most probable tokens the policy may choose from: the search
     * copies only those to the host. Sampling needs the whole distribution (the default).
     *
     * @return C ≥ 1, or {@code Integer.MAX_VALUE} for all V
     */
    default int candidates() {
        return Integer.MAX_VALUE;
    }

    /**
     * Returns the greedy policy: {@code y_t = argmax p(y | y_<t, x)}, ties to the lowest id.
     *
     * @return the policy
     */
    static TokenChooser argMax() {
        return new TokenChooser() {
            @Override
            public int choose(StepOutput step, int row, int t) {
                return step.argMax(row);
            }

            @Override
            public int candidates() {
                return 1; // the argmax is all greedy search reads
            }
        };
    }

    /**
     * Returns the greedy policy with one deviation: at output position {@code position} the token
     * of the given rank (0 the most likely, 1 the second, ..), the argmax everywhere else.
     *
     * @param position the output position of the deviation, &ge; 0
     * @param rank the rank of the token taken there, &ge; 0
     * @return the policy
     */
    static TokenChooser deviating(int position, int rank) {
        return new TokenChooser() {
            @Override
            public int choose(StepOutput step, int row, int t) {
                return t == position ? step.ranked(row, rank) : step.argMax(row);
            }

            @Override
            public int candidates() {
                return rank + 1;
            }
        };
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
        return (step, row, t) -> {
            int v = step.vocabularySize();
            if (step.candidates() != v) {
                throw new IllegalStateException("sampling needs all V log-probabilities");
            }
            double[] p = distribution.probabilities(step.logProbs(), row * v, v);
            return SamplingDistribution.draw(p, random);
        };
    }
}
