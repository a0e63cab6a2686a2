package dev.seq2seq.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A train / validation / test split made by source sentence: all translations of one source
 * sentence fall in the same split, so validation and test sentences are never seen in training, and
 * the test split keeps every reference of each of its sentences.
 *
 * @param train the training pairs
 * @param valid the validation pairs
 * @param test the test pairs
 */
public record CorpusSplit(
        List<SentencePair> train, List<SentencePair> valid, List<SentencePair> test) {

    /** Creates a split; the lists are copied. */
    public CorpusSplit {
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
    }

    /**
     * Splits pairs by source sentence. The distinct source sentences (compared exactly, after
     * stripping surrounding white space) are shuffled with the seed; the first {@code testFraction}
     * of them go to test, the next {@code validFraction} to validation, the rest to training.
     * Within a split, pairs keep their corpus order.
     *
     * @param pairs the corpus
     * @param validFraction the fraction of source sentences for validation, in [0, 1)
     * @param testFraction the fraction of source sentences for test, in [0, 1)
     * @param seed the shuffle seed
     * @return the split
     * @throws IllegalArgumentException if a fraction is outside [0, 1) or they add up to 1 or more
     */
    public static CorpusSplit bySource(
            List<SentencePair> pairs, double validFraction, double testFraction, long seed) {
        if (validFraction < 0
                || testFraction < 0
                || validFraction >= 1
                || testFraction >= 1
                || validFraction + testFraction >= 1) {
            throw new IllegalArgumentException(
                    "fractions must be in [0, 1) and add up to less than 1: valid="
                            + validFraction
                            + ", test="
                            + testFraction);
        }
        Map<String, List<SentencePair>> bySource = groupBySource(pairs);
        List<String> sources = new ArrayList<>(bySource.keySet());
        Collections.shuffle(sources, new Random(seed));
        int testCount = (int) Math.round(sources.size() * testFraction);
        int validCount = (int) Math.round(sources.size() * validFraction);
        Map<String, Integer> splitOf = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            splitOf.put(sources.get(i), i < testCount ? 2 : i < testCount + validCount ? 1 : 0);
        }
        List<List<SentencePair>> parts =
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (SentencePair pair : pairs) {
            parts.get(splitOf.get(pair.source().strip())).add(pair);
        }
        return new CorpusSplit(parts.get(0), parts.get(1), parts.get(2));
    }

    /**
     * Groups pairs by source sentence, each source once with all of its translations.
     *
     * @param pairs the pairs
     * @return one group per distinct source sentence, in order of first appearance
     */
    public static List<ReferenceGroup> references(List<SentencePair> pairs) {
        List<ReferenceGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<SentencePair>> e : groupBySource(pairs).entrySet()) {
            groups.add(
                    new ReferenceGroup(
                            e.getKey(), e.getValue().stream().map(SentencePair::target).toList()));
        }
        return groups;
    }

    private static Map<String, List<SentencePair>> groupBySource(List<SentencePair> pairs) {
        Map<String, List<SentencePair>> bySource = new LinkedHashMap<>();
        for (SentencePair pair : pairs) {
            bySource.computeIfAbsent(pair.source().strip(), k -> new ArrayList<>()).add(pair);
        }
        return bySource;
    }
}
