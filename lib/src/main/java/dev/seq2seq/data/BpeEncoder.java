package dev.seq2seq.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits words into subword units with learned {@link BpeCodes}, and joins them back, as
 * subword-nmt's {@code apply_bpe} does: start from the word's characters and end-of-word marker,
 * then repeatedly merge the adjacent pair with the lowest rank (every occurrence of it, left to
 * right) until no pair of the word is in the codes. Deterministic: the same word always gives the
 * same units. A character never seen in training stays a unit of its own (the vocabulary then maps
 * it to {@code <unk>}); encoding never fails.
 *
 * <p>Output marks word boundaries with subword-nmt's continuation marker: every unit but a word's
 * last ends in {@value #CONTINUATION}, so {@code lower} may become {@code low@@ er}. {@link
 * #decode} removes the markers and rejoins the units, exactly giving back the words.
 *
 * <p>BPE-dropout (Provilkov, Emelianenko &amp; Voita 2020), for training only: {@link #encode(List,
 * double, Random)} skips each applicable merge with probability p at every step, so the same word
 * is split in different ways; p = 0 is the deterministic encoding.
 *
 * <p>Thread-safe; deterministic encodings are cached per word.
 */
public final class BpeEncoder {

    /** Ends every subword unit that is not the last of its word. */
    public static final String CONTINUATION = "@@";

    private final BpeCodes codes;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /**
     * Creates an encoder.
     *
     * @param codes the merges to apply
     */
    public BpeEncoder(BpeCodes codes) {
        this.codes = codes;
    }

    /**
     * Returns the codes.
     *
     * @return the merges this encoder applies
     */
    public BpeCodes codes() {
        return codes;
    }

    /**
     * Splits words into subword units, deterministically.
     *
     * @param words word tokens, without white space
     * @return the units, all but each word's last ending in {@value #CONTINUATION}
     * @throws IllegalArgumentException if a word is empty
     */
    public List<String> encode(List<String> words) {
        List<String> units = new ArrayList<>(words.size() * 2);
        for (String word : words) {
            units.addAll(cache.computeIfAbsent(word, w -> mark(segment(w, 0, null))));
        }
        return units;
    }

    /**
     * Splits words into subword units with BPE-dropout.
     *
     * @param words word tokens, without white space
     * @param dropout the probability of skipping each applicable merge at each step, in [0, 1)
     * @param random the source of randomness
     * @return the units, all but each word's last ending in {@value #CONTINUATION}
     * @throws IllegalArgumentException if a word is empty or dropout is outside [0, 1)
     */
    public List<String> encode(List<String> words, double dropout, Random random) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("BPE-dropout must be in [0, 1), got " + dropout);
        }
        if (dropout == 0) {
            return encode(words);
        }
        List<String> units = new ArrayList<>(words.size() * 2);
        for (String word : words) {
            units.addAll(mark(segment(word, dropout, random)));
        }
        return units;
    }

    /**
     * Splits one word into its symbols after the merges (end-of-word marker still in place).
     *
     * @param word the word
     * @param dropout the probability of skipping each applicable merge, 0 for none
     * @param random the randomness for dropout, unused when dropout is 0
     * @return the symbols, e.g. {@code [low, er</w>]}
     */
    List<String> segment(String word, double dropout, Random random) {
        List<String> symbols = codes.characters(word);
        while (symbols.size() > 1) {
            int[] ranks = new int[symbols.size() - 1];
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i < ranks.length; i++) {
                ranks[i] = codes.rank(symbols.get(i), symbols.get(i + 1));
                if (ranks[i] >= 0 && dropout > 0 && random.nextDouble() < dropout) {
                    ranks[i] = -1; // BPE-dropout: this merge is skipped at this step
                }
                if (ranks[i] >= 0 && ranks[i] < bestRank) {
                    bestRank = ranks[i];
                }
            }
            if (bestRank == Integer.MAX_VALUE) {
                break;
            }
            String merged = codes.merges().get(bestRank).merged();
            List<String> next = new ArrayList<>(symbols.size());
            for (int i = 0; i < symbols.size(); i++) {
                if (i < ranks.length && ranks[i] == bestRank) {
                    next.add(merged);
                    i++;
                } else {
                    next.add(symbols.get(i));
                }
            }
            symbols = next;
        }
        return symbols;
    }

    /** Removes the end-of-word marker and adds continuation markers. */
    private static List<String> mark(List<String> symbols) {
        List<String> units = new ArrayList<>(symbols);
        int last = units.size() - 1;
        if (units.get(last).equals(BpeCodes.END_OF_WORD)) {
            units.remove(last--);
        } else {
            String end = units.get(last);
            units.set(last, end.substring(0, end.length() - BpeCodes.END_OF_WORD.length()));
        }
        for (int i = 0; i < last; i++) {
            units.set(i, units.get(i) + CONTINUATION);
        }
        return List.copyOf(units);
    }

    /**
     * Joins subword units back into words: a unit ending in {@value #CONTINUATION} is glued to the
     * next one. A dangling marker at the very end (a model may stop mid-word) is dropped.
     *
     * @param units subword units, as from {@link #encode(List)} or a model's output
     * @return the words
     */
    public static List<String> decode(List<String> units) {
        List<String> words = new ArrayList<>(units.size());
        StringBuilder word = new StringBuilder();
        for (String unit : units) {
            if (unit.endsWith(CONTINUATION)) {
                word.append(unit, 0, unit.length() - CONTINUATION.length());
            } else {
                words.add(word.append(unit).toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Counts the words that subword units make up.
     *
     * @param units subword units
     * @return the number of units that end a word (do not end in {@value #CONTINUATION})
     */
    public static int wordCount(List<String> units) {
        int words = 0;
        for (String unit : units) {
            if (!unit.endsWith(CONTINUATION)) {
                words++;
            }
        }
        return words;
    }
}
