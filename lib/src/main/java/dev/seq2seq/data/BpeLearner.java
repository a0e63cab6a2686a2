package dev.seq2seq.data;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns byte-pair encoding merges from word counts (Sennrich, Haddow &amp; Birch 2016, Algorithm
 * 1): start from each word's characters plus an end-of-word marker, then repeatedly merge the most
 * frequent pair of adjacent symbols, counting each word as often as it occurs, until the requested
 * number of merges is reached or the most frequent pair occurs fewer than the minimum frequency
 * times (subword-nmt's {@code --min-frequency}).
 *
 * <p>Ties between pairs of equal count are broken as {@link TieBreak} says: by default the pair
 * seen first when reading the words in the order given (each word left to right), which is what the
 * paper's Python code does, so that its toy example gives the paper's merges; or the larger pair,
 * as subword-nmt's {@code learn_bpe} does, which reproduces its codes. Both are deterministic, and
 * codes learned either way apply the same way ({@link BpeEncoder}).
 *
 * <p>The counts are updated incrementally: a merge only touches the words that contain its pair.
 */
public final class BpeLearner {

    /** How a tie between pairs of the same count is broken. */
    public enum TieBreak {
        /** The pair that occurs first, reading the words in order (the paper's Algorithm 1). */
        FIRST_SEEN,
        /**
         * The larger pair, comparing left symbols, then right symbols (subword-nmt's {@code
         * learn_bpe}).
         */
        LARGER_PAIR
    }

    private final int merges;
    private final int minFrequency;
    private final BpeCodes.EndOfWord endOfWord;
    private final TieBreak tieBreak;

    private BpeLearner(Builder builder) {
        this.merges = builder.merges;
        this.minFrequency = builder.minFrequency;
        this.endOfWord = builder.endOfWord;
        this.tieBreak = builder.tieBreak;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Counts the words of tokenised sentences in the order they are first seen.
     *
     * @param sentences sentences as word tokens
     * @return each word's count, in first-seen order
     */
    public static Map<String, Long> countWords(Iterable<List<String>> sentences) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<String> sentence : sentences) {
            for (String word : sentence) {
                counts.merge(word, 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * Learns the merges.
     *
     * @param wordCounts each word's count, in the order used to break ties (e.g. from {@link
     *     #countWords}); words must be non-empty and without white space
     * @return the merges in the order learned; fewer than requested if the pairs ran out or fell
     *     below the minimum frequency
     * @throws IllegalArgumentException if a word is empty or contains white space, or a count is
     *     not positive
     */
    public BpeCodes learn(Map<String, Long> wordCounts) {
        return new Run(wordCounts).learn();
    }

    /** The state of one learning run: words as symbol-id sequences and the pair statistics. */
    private final class Run {
        private final List<String> symbols = new ArrayList<>();
        private final Map<String, Integer> symbolIds = new HashMap<>();
        private final List<int[]> words = new ArrayList<>();
        private final long[] frequencies;
        private final Map<Long, Long> pairCounts = new HashMap<>();
        private final Map<Long, Set<Integer>> wordsWithPair = new HashMap<>();

        Run(Map<String, Long> wordCounts) {
            BpeCodes characters = new BpeCodes(List.of(), endOfWord);
            frequencies = new long[wordCounts.size()];
            for (Map.Entry<String, Long> entry : wordCounts.entrySet()) {
                String word = entry.getKey();
                Preconditions.checkArgument(
                        !word.isEmpty() && !word.chars().anyMatch(Character::isWhitespace),
                        "BPE words must be non-empty without white space, got '" + word + "'");
                if (entry.getValue() < 1) {
                    throw new IllegalArgumentException(
                            "count of '" + word + "' must be positive, got " + entry.getValue());
                }
                int index = words.size();
                frequencies[index] = entry.getValue();
                words.add(characters.characters(word).stream().mapToInt(this::id).toArray());
                addPairs(index, +1);
            }
        }

        BpeCodes learn() {
            List<BpeCodes.Merge> learned = new ArrayList<>();
            while (learned.size() < merges) {
                long best = mostFrequentPair();
                if (best == -1 || pairCounts.get(best) < minFrequency) {
                    break;
                }
                int left = (int) (best >>> 32);
                int right = (int) best;
                learned.add(new BpeCodes.Merge(symbols.get(left), symbols.get(right)));
                apply(best, id(symbols.get(left) + symbols.get(right)));
            }
            return new BpeCodes(learned, endOfWord);
        }

        private int id(String symbol) {
            return symbolIds.computeIfAbsent(
                    symbol,
                    s -> {
                        symbols.add(s);
                        return symbols.size() - 1;
                    });
        }

        /** Adds (+1) or removes (-1) a word's adjacent pairs from the statistics. */
        private void addPairs(int index, int sign) {
            int[] word = words.get(index);
            for (int i = 0; i + 1 < word.length; i++) {
                long pair = pair(word[i], word[i + 1]);
                long count = pairCounts.getOrDefault(pair, 0L) + sign * frequencies[index];
                if (count == 0) {
                    pairCounts.remove(pair);
                } else {
                    pairCounts.put(pair, count);
                }
                if (sign > 0) {
                    wordsWithPair.computeIfAbsent(pair, p -> new HashSet<>()).add(index);
                }
            }
        }

        /**
         * The pair with the highest count, ties broken by {@link #tieBreak}; -1 if none is left.
         */
        private long mostFrequentPair() {
            long best = -1;
            long bestCount = 0;
            long bestPosition = Long.MAX_VALUE;
            for (Map.Entry<Long, Long> entry : pairCounts.entrySet()) {
                long pair = entry.getKey();
                long count = entry.getValue();
                if (count < bestCount) {
                    continue;
                }
                if (tieBreak == TieBreak.LARGER_PAIR) {
                    if (count > bestCount || larger(pair, best)) {
                        best = pair;
                        bestCount = count;
                    }
                    continue;
                }
                long position = firstOccurrence(pair);
                if (count > bestCount || position < bestPosition) {
                    best = pair;
                    bestCount = count;
                    bestPosition = position;
                }
            }
            return best;
        }

        private boolean larger(long pair, long than) {
            int left = symbols.get((int) (pair >>> 32)).compareTo(symbols.get((int) (than >>> 32)));
            return left > 0
                    || (left == 0
                            && symbols.get((int) pair).compareTo(symbols.get((int) than)) > 0);
        }

        /** Where a pair first occurs: word index times 2^32 plus the position in that word. */
        private long firstOccurrence(long pair) {
            long first = Long.MAX_VALUE;
            for (int index : wordsWithPair.get(pair)) {
                if (((long) index << 32) >= first) {
                    continue;
                }
                int position = find(words.get(index), pair, 0);
                if (position >= 0) {
                    first = ((long) index << 32) | position;
                }
            }
            return first;
        }

        /** Merges every occurrence of a pair, left to right, and updates the statistics. */
        private void apply(long pair, int merged) {
            Set<Integer> affected = wordsWithPair.remove(pair);
            for (int index : affected) {
                int[] word = words.get(index);
                if (find(word, pair, 0) < 0) {
                    continue; // a stale entry: an earlier merge removed the pair from this word
                }
                addPairs(index, -1);
                int[] out = new int[word.length];
                int n = 0;
                for (int i = 0; i < word.length; i++) {
                    if (i + 1 < word.length && pair(word[i], word[i + 1]) == pair) {
                        out[n++] = merged;
                        i++;
                    } else {
                        out[n++] = word[i];
                    }
                }
                words.set(index, java.util.Arrays.copyOf(out, n));
                addPairs(index, +1);
            }
            pairCounts.remove(pair);
            wordsWithPair.remove(pair);
        }

        private static long pair(int left, int right) {
            return ((long) left << 32) | (right & 0xffffffffL);
        }

        private static int find(int[] word, long pair, int from) {
            for (int i = from; i + 1 < word.length; i++) {
                if (pair(word[i], word[i + 1]) == pair) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Builds a {@link BpeLearner}. */
    public static final class Builder {
        private int merges = -1;
        private int minFrequency = 2;
        private BpeCodes.EndOfWord endOfWord = BpeCodes.EndOfWord.ATTACHED;
        private TieBreak tieBreak = TieBreak.FIRST_SEEN;

        private Builder() {}

        /**
         * Sets the number of merge operations to learn (required).
         *
         * @param merges the number of merges, at least 0
         * @return this builder
         */
        public Builder setMerges(int merges) {
            this.merges = merges;
            return this;
        }

        /**
         * Sets the lowest count a pair needs to be merged (default 2, as subword-nmt).
         *
         * @param minFrequency at least 1
         * @return this builder
         */
        public Builder optMinFrequency(int minFrequency) {
            this.minFrequency = minFrequency;
            return this;
        }

        /**
         * Sets where the end-of-word marker goes (default attached, subword-nmt's version 0.2).
         *
         * @param endOfWord the convention
         * @return this builder
         */
        public Builder optEndOfWord(BpeCodes.EndOfWord endOfWord) {
            this.endOfWord = endOfWord;
            return this;
        }

        /**
         * Sets how ties between pairs of equal count are broken (default {@link
         * TieBreak#FIRST_SEEN}, the paper's).
         *
         * @param tieBreak the rule
         * @return this builder
         */
        public Builder optTieBreak(TieBreak tieBreak) {
            this.tieBreak = tieBreak;
            return this;
        }

        /**
         * Builds the learner.
         *
         * @return the learner
         * @throws IllegalStateException if the number of merges was not set or a value is out of
         *     range
         */
        public BpeLearner build() {
            if (merges < 0) {
                throw new IllegalStateException("BpeLearner needs setMerges(n) with n >= 0");
            }
            if (minFrequency < 1) {
                throw new IllegalStateException("minFrequency must be >= 1, got " + minFrequency);
            }
            return new BpeLearner(this);
        }
    }
}
