package dev.seq2seq.decode;

import java.util.Arrays;

/**
 * The host copies of one decoder step that a search reads: the next-token log-probabilities of N
 * rows and, for a model with attention, their attention weights over the padded source. The sizes V
 * and S are taken from the tensors' shapes, not inferred from the array lengths. Shapes: N rows (B
 * for greedy search and sampling, B·K for beam search), V target vocabulary, S source steps
 * (padded).
 *
 * @param logProbs log-softmax of the logits, (N, V) row-major
 * @param vocabularySize V
 * @param attention the attention weights, (N, S) row-major, or null for a model without attention
 * @param sourceSteps S, or 0 without attention
 */
record StepOutput(float[] logProbs, int vocabularySize, float[] attention, int sourceSteps) {

    /**
     * Checks that the arrays hold whole rows of the same N.
     *
     * @throws IllegalArgumentException if V &lt; 1, or the arrays' lengths are not N·V and N·S
     */
    StepOutput {
        if (vocabularySize < 1 || logProbs.length % vocabularySize != 0) {
            throw new IllegalArgumentException(
                    "logProbs: expected (N, V) with V = "
                            + vocabularySize
                            + ", got "
                            + logProbs.length
                            + " floats");
        }
        int rows = logProbs.length / vocabularySize;
        if (attention == null ? sourceSteps != 0 : attention.length != rows * sourceSteps) {
            throw new IllegalArgumentException(
                    "attention: expected (N, S) = ("
                            + rows
                            + ", "
                            + sourceSteps
                            + "), got "
                            + (attention == null ? "none" : attention.length + " floats"));
        }
    }

    /**
     * Returns the log-probability of a token in a row.
     *
     * @param row the row, in [0, N)
     * @param token the token id, in [0, V)
     * @return {@code log p(token)} in that row
     */
    float logProb(int row, int token) {
        return logProbs[row * vocabularySize + token];
    }

    /**
     * Returns the most likely token of a row; ties go to the lowest id.
     *
     * @param row the row, in [0, N)
     * @return the token id, in [0, V)
     */
    int argMax(int row) {
        int from = row * vocabularySize;
        int best = 0;
        for (int y = 1; y < vocabularySize; y++) {
            if (logProbs[from + y] > logProbs[from + best]) {
                best = y;
            }
        }
        return best;
    }

    /**
     * Returns the token of a given rank in a row: 0 the most likely ({@link #argMax}), 1 the second
     * most likely, ..; ties go to the lowest id.
     *
     * @param row the row, in [0, N)
     * @param rank the rank, in [0, V)
     * @return the token id, in [0, V)
     * @throws IllegalArgumentException if the rank is not in [0, V)
     */
    int ranked(int row, int rank) {
        if (rank < 0 || rank >= vocabularySize) {
            throw new IllegalArgumentException(
                    "rank must be in [0, V = " + vocabularySize + "), got " + rank);
        }
        int from = row * vocabularySize;
        boolean[] taken = new boolean[vocabularySize];
        int best = -1;
        for (int r = 0; r <= rank; r++) {
            best = -1;
            for (int y = 0; y < vocabularySize; y++) {
                if (!taken[y] && (best < 0 || logProbs[from + y] > logProbs[from + best])) {
                    best = y;
                }
            }
            taken[best] = true;
        }
        return best;
    }

    /**
     * Returns whether the model gave attention weights.
     *
     * @return true for a model with attention
     */
    boolean hasAttention() {
        return attention != null;
    }

    /**
     * Returns a copy of a row's attention weights over its valid source positions.
     *
     * @param row the row, in [0, N)
     * @param sourceLength S_i ≤ S, the row's valid source length
     * @return the weights (S_i), or null without attention
     */
    float[] attention(int row, int sourceLength) {
        if (attention == null) {
            return null;
        }
        int from = row * sourceSteps;
        return Arrays.copyOfRange(attention, from, from + sourceLength);
    }
}
