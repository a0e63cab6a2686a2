package dev.seq2seq.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts that describe a tokenized parallel corpus.
 *
 * @param pairs the number of sentence pairs
 * @param distinctSources the number of distinct source sentences
 * @param sourceTokens the running source tokens
 * @param targetTokens the running target tokens
 * @param sourceTypes the distinct source tokens
 * @param targetTypes the distinct target tokens
 * @param maxSourceLength the longest source sentence, in tokens
 * @param maxTargetLength the longest target sentence, in tokens
 */
public record CorpusStatistics(
        int pairs,
        int distinctSources,
        long sourceTokens,
        long targetTokens,
        int sourceTypes,
        int targetTypes,
        int maxSourceLength,
        int maxTargetLength) {

    /**
     * Computes the statistics of pairs, tokenizing each side.
     *
     * @param pairs the sentence pairs
     * @param source the source tokenizer
     * @param target the target tokenizer
     * @return the statistics
     */
    public static CorpusStatistics of(
            List<SentencePair> pairs, SentenceTokenizer source, SentenceTokenizer target) {
        Set<String> sources = new HashSet<>();
        Set<String> sourceTypes = new HashSet<>();
        Set<String> targetTypes = new HashSet<>();
        long sourceTokens = 0;
        long targetTokens = 0;
        int maxSource = 0;
        int maxTarget = 0;
        for (SentencePair pair : pairs) {
            sources.add(pair.source().strip());
            List<String> x = source.tokenize(pair.source());
            List<String> y = target.tokenize(pair.target());
            sourceTypes.addAll(x);
            targetTypes.addAll(y);
            sourceTokens += x.size();
            targetTokens += y.size();
            maxSource = Math.max(maxSource, x.size());
            maxTarget = Math.max(maxTarget, y.size());
        }
        return new CorpusStatistics(
                pairs.size(),
                sources.size(),
                sourceTokens,
                targetTokens,
                sourceTypes.size(),
                targetTypes.size(),
                maxSource,
                maxTarget);
    }

    /**
     * Returns the mean source length in tokens.
     *
     * @return the mean, 0 for an empty corpus
     */
    public double meanSourceLength() {
        return pairs == 0 ? 0 : (double) sourceTokens / pairs;
    }

    /**
     * Returns the mean target length in tokens.
     *
     * @return the mean, 0 for an empty corpus
     */
    public double meanTargetLength() {
        return pairs == 0 ? 0 : (double) targetTokens / pairs;
    }

    @Override
    public String toString() {
        return String.format(
                "%,d pairs (%,d distinct sources)%n"
                        + "source: %,d tokens, %,d types, mean length %.2f, max %d%n"
                        + "target: %,d tokens, %,d types, mean length %.2f, max %d",
                pairs,
                distinctSources,
                sourceTokens,
                sourceTypes,
                meanSourceLength(),
                maxSourceLength,
                targetTokens,
                targetTypes,
                meanTargetLength(),
                maxTargetLength);
    }
}
