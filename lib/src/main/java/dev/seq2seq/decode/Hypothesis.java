package dev.seq2seq.decode;

/**
 * One output sentence of a search.
 *
 * @param tokens the output token ids, without {@code <bos>} and {@code <eos>}
 * @param score the total log-probability (natural log) of the tokens and the final {@code <eos>}
 *     (or of the tokens alone if the search stopped at the maximum length); for {@link BeamSearch}
 *     the final score of {@link BeamScoring#score}, which is that log-probability divided by the
 *     length penalty plus the coverage penalty (the log-probability itself when neither is set)
 * @param tokenLogProbs the log-probability of each output step: {@code tokens.length} entries, plus
 *     one for {@code <eos>} when the hypothesis finished
 * @param attention the attention weights of each output step over the valid source positions, (T,
 *     S) with T = {@code tokenLogProbs.length}, or {@code null} for a model without attention
 * @param finished whether the hypothesis ended with {@code <eos>} (not cut at the maximum length)
 */
public record Hypothesis(
        int[] tokens, double score, float[] tokenLogProbs, float[][] attention, boolean finished) {

    /**
     * Returns the number of output tokens.
     *
     * @return {@code tokens.length}
     */
    public int length() {
        return tokens.length;
    }
}
