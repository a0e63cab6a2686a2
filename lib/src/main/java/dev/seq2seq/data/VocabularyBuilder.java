package dev.seq2seq.data;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts tokens and builds a {@link Vocabulary}: reserved tokens first, then every token seen at
 * least {@code minFrequency} times, most frequent first, up to {@code maxSize} in all.
 */
public final class VocabularyBuilder {
    private final Map<String, Long> frequencies = new HashMap<>();
    private int minFrequency = 1;
    private int maxSize = Integer.MAX_VALUE;

    VocabularyBuilder() {}

    /**
     * Counts the tokens of one sentence.
     *
     * @param sentence the tokens
     * @return this builder
     */
    public VocabularyBuilder add(List<String> sentence) {
        for (String token : sentence) {
            frequencies.merge(token, 1L, Long::sum);
        }
        return this;
    }

    /**
     * Counts the tokens of many sentences.
     *
     * @param sentences tokenized sentences
     * @return this builder
     */
    public VocabularyBuilder addAll(Iterable<List<String>> sentences) {
        for (List<String> sentence : sentences) {
            add(sentence);
        }
        return this;
    }

    /**
     * Keeps only tokens seen at least this often (default 1).
     *
     * @param minFrequency the minimum count
     * @return this builder
     */
    public VocabularyBuilder optMinFrequency(int minFrequency) {
        this.minFrequency = minFrequency;
        return this;
    }

    /**
     * Caps the vocabulary size V, reserved tokens included (default unlimited).
     *
     * @param maxSize the largest V
     * @return this builder
     */
    public VocabularyBuilder optMaxSize(int maxSize) {
        this.maxSize = maxSize;
        return this;
    }

    /**
     * Builds the vocabulary.
     *
     * @return the vocabulary
     * @throws IllegalArgumentException if {@code minFrequency < 1}, {@code maxSize < 4}, or a
     *     counted token is a reserved token
     */
    public Vocabulary build() {
        Preconditions.checkArgument(
                minFrequency >= 1, "minFrequency must be >= 1, got " + minFrequency);
        if (maxSize < Vocabulary.reservedTokens().size()) {
            throw new IllegalArgumentException(
                    "maxSize must leave room for the 4 reserved tokens, got " + maxSize);
        }
        for (String reserved : Vocabulary.reservedTokens()) {
            Preconditions.checkArgument(
                    !frequencies.containsKey(reserved),
                    "the data contains the reserved token " + reserved);
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(frequencies.entrySet());
        entries.removeIf(e -> e.getValue() < minFrequency);
        entries.sort(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()));
        int kept = Math.min(entries.size(), maxSize - Vocabulary.reservedTokens().size());
        List<String> tokens = new ArrayList<>(Vocabulary.reservedTokens());
        long[] counts = new long[Vocabulary.reservedTokens().size() + kept];
        for (int i = 0; i < kept; i++) {
            tokens.add(entries.get(i).getKey());
            counts[Vocabulary.reservedTokens().size() + i] = entries.get(i).getValue();
        }
        return Vocabulary.of(tokens, counts);
    }
}
