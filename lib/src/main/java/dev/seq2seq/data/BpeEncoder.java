package dev.seq2seq.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * <p>With a vocabulary ({@link #BpeEncoder(BpeCodes, Set)}), a unit that is not in it is split back
 * into the two symbols its merge joined, recursively, until every part is in the vocabulary or a
 * single character: subword-nmt's {@code --vocabulary} option. With joint merges a unit may occur
 * only on the other side (an English name merged whole, never seen in French training targets); the
 * filter turns it into smaller units the side knows instead of {@code <unk>}.
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
    private final Set<String> vocabulary;
    private final Map<String, BpeCodes.Merge> mergeOf;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /**
     * Creates an encoder that keeps every unit the merges produce.
     *
     * @param codes the merges to apply
     */
    public BpeEncoder(BpeCodes codes) {
        this(codes, null);
    }

    /**
     * Creates an encoder that splits units outside a vocabulary back into smaller ones.
     *
     * @param codes the merges to apply
     * @param vocabulary the units to keep, as output (non-final units with {@value #CONTINUATION}),
     *     or null to keep every unit
     * @throws IllegalArgumentException if a vocabulary is given for codes with a separate
     *     end-of-word marker (subword-nmt splits back only version 0.2 codes)
     */
    public BpeEncoder(BpeCodes codes, Set<String> vocabulary) {
        if (vocabulary != null && codes.endOfWord() != BpeCodes.EndOfWord.ATTACHED) {
            throw new IllegalArgumentException(
                    "a vocabulary filter needs codes with the end-of-word marker attached"
                            + " (version 0.2)");
        }
        this.codes = codes;
        this.vocabulary = vocabulary == null ? null : Set.copyOf(vocabulary);
        this.mergeOf = new HashMap<>();
        for (BpeCodes.Merge merge : codes.merges()) {
            mergeOf.put(merge.merged(), merge); // the last merge giving a symbol wins, as in
            // subword-nmt
        }
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
     * Splits words into single characters, marked as units: the finest segmentation, which
     * BPE-dropout reaches when it skips every merge of a word. A vocabulary that should cover every
     * segmentation BPE-dropout can produce from training words includes these.
     *
     * @param words word tokens, without white space
     * @return one unit per character, all but each word's last ending in {@value #CONTINUATION}
     * @throws IllegalArgumentException if a word is empty
     */
    public List<String> characters(List<String> words) {
        List<String> units = new ArrayList<>();
        for (String word : words) {
            units.addAll(mark(codes.characters(word)));
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

    /**
     * Removes the end-of-word marker, splits units outside the vocabulary and adds continuation
     * markers.
     */
    private List<String> mark(List<String> symbols) {
        List<String> bare = new ArrayList<>(symbols);
        int last = bare.size() - 1;
        if (bare.get(last).equals(BpeCodes.END_OF_WORD)) {
            bare.remove(last--);
        } else {
            String end = bare.get(last);
            bare.set(last, end.substring(0, end.length() - BpeCodes.END_OF_WORD.length()));
        }
        List<String> units = new ArrayList<>(bare.size());
        for (int i = 0; i <= last; i++) {
            split(bare.get(i), i == last, units);
        }
        return List.copyOf(units);
    }

    /**
     * Adds a symbol as output units: whole if it is in the vocabulary (or there is none), else its
     * merge's two halves, each split the same way (subword-nmt's {@code recursive_split}).
     */
    private void split(String symbol, boolean wordFinal, List<String> units) {
        String unit = wordFinal ? symbol : symbol + CONTINUATION;
        if (vocabulary == null || vocabulary.contains(unit)) {
            units.add(unit);
            return;
        }
        BpeCodes.Merge merge = mergeOf.get(wordFinal ? symbol + BpeCodes.END_OF_WORD : symbol);
        if (merge == null) {
            units.add(unit); // a character, or a word-final symbol no merge made: kept as it is
            return;
        }
        split(merge.left(), false, units);
        String right = merge.right();
        if (wordFinal && right.endsWith(BpeCodes.END_OF_WORD)) {
            right = right.substring(0, right.length() - BpeCodes.END_OF_WORD.length());
        }
        split(right, wordFinal, units);
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
