package dev.seq2seq.decode;

import java.util.Arrays;

/**
 * The host copies of one decoder step that a search reads: for each of N rows, next-token
 * log-probabilities, and, for a model with attention, the rows' attention weights over the padded
 * source. The sizes V and S are taken from the tensors' shapes, not inferred from the array
 * lengths. Shapes: N rows (B for greedy search and sampling, B·K for beam search), V target
 * vocabulary, S source steps (padded), C candidates per row.
 *
 * <p>Either the whole distribution ({@link #StepOutput(float[], int, float[], int)}, C = V, which
 * sampling needs), or only each row's C most probable tokens ({@link #tiesInIdOrder}), which is all
 * greedy search (C = 1), a forced lower-ranked choice (C = rank + 1) and beam search (C = 2K) can
 * choose from: copying C instead of V values per row, and scanning them, is most of a decoding
 * step's host work at V = 8,298. Candidates are ordered by log-probability, ties to the lowest id,
 * as a scan of the whole row would rank them.
 *
 * @param logProbs the log-softmax of the logits: (N, V) row-major, or with {@code tokens} each
 *     row's C candidates, (N, C)
 * @param tokens the candidates' token ids (N, C), or null when {@code logProbs} is the whole (N, V)
 * @param candidates C: V for the whole distribution
 * @param vocabularySize V
 * @param attention the attention weights, (N, S) row-major, or null for a model without attention
 * @param sourceSteps S, or 0 without attention
 */
record StepOutput(
        float[] logProbs,
        int[] tokens,
        int candidates,
        int vocabularySize,
        float[] attention,
        int sourceSteps) {

    /**
     * Checks that the arrays hold whole rows of the same N.
     *
     * @throws IllegalArgumentException if V &lt; 1, C is not in [1, V] (V without tokens), or the
     *     arrays' lengths are not N·C and N·S
     */
    StepOutput {
        if (vocabularySize < 1
                || candidates < 1
                || candidates > vocabularySize
                || (tokens == null && candidates != vocabularySize)
                || logProbs.length % candidates != 0
                || (tokens != null && tokens.length != logProbs.length)) {
            throw new IllegalArgumentException(
                    String.format(
                            "logProbs: expected (N, C) with C = %d candidates of V = %d (and as"
                                    + " many token ids), got %d floats and %s",
                            candidates,
                            vocabularySize,
                            logProbs.length,
                            tokens == null ? "no token ids" : tokens.length + " token ids"));
        }
        int rows = logProbs.length / candidates;
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
     * Wraps the whole distribution of each row.
     *
     * @param logProbs log-softmax of the logits, (N, V) row-major
     * @param vocabularySize V
     * @param attention the attention weights, (N, S) row-major, or null
     * @param sourceSteps S, or 0 without attention
     * @throws IllegalArgumentException if the arrays do not hold whole rows
     */
    StepOutput(float[] logProbs, int vocabularySize, float[] attention, int sourceSteps) {
        this(logProbs, null, vocabularySize, vocabularySize, attention, sourceSteps);
    }

    /**
     * Puts tied candidates of each row in id order, as a scan of the whole row would rank them; the
     * arrays are sorted in place. Call it on each row's C most probable tokens, (N, C), each row in
     * descending order of log-probability.
     *
     * @return this output, its candidates now in order
     */
    StepOutput tiesInIdOrder() {
        if (tokens == null) {
            return this; // the whole distribution is in id order already
        }
        for (int from = 0; from + candidates <= logProbs.length; from += candidates) {
            for (int j = from + 1; j < from + candidates; j++) { // insertion sort: ties are rare
                for (int i = j; i > from && ahead(logProbs, tokens, i, i - 1); i--) {
                    swap(logProbs, tokens, i, i - 1);
                }
            }
        }
        return this;
    }

    private static boolean ahead(float[] values, int[] ids, int a, int b) {
        return values[a] > values[b] || (values[a] == values[b] && ids[a] < ids[b]);
    }

    private static void swap(float[] values, int[] ids, int a, int b) {
        float v = values[a];
        values[a] = values[b];
        values[b] = v;
        int id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
    }

    /**
     * Returns the log-probability of a token in a row.
     *
     * @param row the row, in [0, N)
     * @param token the token id, in [0, V)
     * @return {@code log p(token)} in that row
     * @throws IllegalArgumentException if only candidates were copied and the token is not one
     */
    float logProb(int row, int token) {
        if (tokens == null) {
            return logProbs[row * vocabularySize + token];
        }
        for (int j = row * candidates; j < (row + 1) * candidates; j++) {
            if (tokens[j] == token) {
                return logProbs[j];
            }
        }
        throw new IllegalArgumentException(
                "token " + token + " is not among row " + row + "'s " + candidates + " candidates");
    }

    /**
     * Returns a row's j-th candidate token: the j-th most probable after {@link #tiesInIdOrder},
     * token j for the whole distribution.
     *
     * @param row the row, in [0, N)
     * @param j the candidate, in [0, C)
     * @return its token id
     */
    int candidateToken(int row, int j) {
        return tokens == null ? j : tokens[row * candidates + j];
    }

    /**
     * Returns the log-probability of a row's j-th candidate.
     *
     * @param row the row, in [0, N)
     * @param j the candidate, in [0, C)
     * @return its log-probability
     */
    float candidateLogProb(int row, int j) {
        return logProbs[row * candidates + j];
    }

    /**
     * Returns the most likely token of a row; ties go to the lowest id.
     *
     * @param row the row, in [0, N)
     * @return the token id, in [0, V)
     */
    int argMax(int row) {
        if (tokens != null) {
            return tokens[row * candidates];
        }
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
     * @param rank the rank, in [0, C)
     * @return the token id, in [0, V)
     * @throws IllegalArgumentException if the rank is not in [0, C)
     */
    int ranked(int row, int rank) {
        if (rank < 0 || rank >= candidates) {
            throw new IllegalArgumentException(
                    String.format(
                            "rank must be in [0, C = %d) (V = %d), got %d",
                            candidates, vocabularySize, rank));
        }
        if (tokens != null) {
            return tokens[row * candidates + rank];
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
