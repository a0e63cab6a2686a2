package dev.seq2seq.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts n-grams, the shared building block of BLEU, chrF and ROUGE-N (sacreBLEU's {@code
 * metrics/helpers.py}, rouge-score's {@code _create_ngrams}).
 *
 * <p>An n-gram of words is keyed by its words joined with single spaces (the words never contain
 * whitespace); an n-gram of characters is keyed by its characters. Characters are Unicode code
 * points, as in Python, so a character outside the Basic Multilingual Plane (an emoji) counts as
 * one.
 */
public final class NgramCounter {

    private NgramCounter() {}

    /**
     * Counts the n-grams of one order in a token sequence.
     *
     * @param tokens the tokens
     * @param n the order, at least 1
     * @return each n-gram's count; empty if there are fewer than n tokens
     * @throws IllegalArgumentException if n is less than 1
     */
    public static Map<String, Integer> wordNgrams(List<String> tokens, int n) {
        checkOrder(n);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Counts the n-grams of every order 1..maxOrder.
     *
     * @param tokens the tokens
     * @param maxOrder the highest order, at least 1
     * @return element n-1 holds the counts of order n
     * @throws IllegalArgumentException if maxOrder is less than 1
     */
    public static List<Map<String, Integer>> allWordNgrams(List<String> tokens, int maxOrder) {
        checkOrder(maxOrder);
        List<Map<String, Integer>> counts = new ArrayList<>(maxOrder);
        for (int n = 1; n <= maxOrder; n++) {
            counts.add(wordNgrams(tokens, n));
        }
        return counts;
    }

    /**
     * Counts the character n-grams of one order in a string, spaces included as characters.
     *
     * @param text the text
     * @param n the order, at least 1
     * @return each n-gram's count; empty if the text has fewer than n code points
     * @throws IllegalArgumentException if n is less than 1
     */
    public static Map<String, Integer> charNgrams(String text, int n) {
        checkOrder(n);
        int[] cps = text.codePoints().toArray();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= cps.length; i++) {
            counts.merge(new String(cps, i, n), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Returns the number of n-grams in a count map (the sum of its counts).
     *
     * @param counts n-gram counts
     * @return the total count
     */
    public static long total(Map<String, Integer> counts) {
        long total = 0;
        for (int count : counts.values()) {
            total += count;
        }
        return total;
    }

    /**
     * Returns the clipped match count: each hypothesis n-gram counts as often as it occurs, but at
     * most as often as it occurs in the reference (Papineni et al. 2002, "modified precision").
     *
     * @param hypothesis the hypothesis n-gram counts
     * @param reference the reference n-gram counts (for BLEU, the maximum over references)
     * @return the sum over n-grams of min(hypothesis count, reference count)
     */
    public static long clippedMatches(
            Map<String, Integer> hypothesis, Map<String, Integer> reference) {
        long matches = 0;
        for (Map.Entry<String, Integer> entry : hypothesis.entrySet()) {
            Integer inReference = reference.get(entry.getKey());
            if (inReference != null) {
                matches += Math.min(entry.getValue(), inReference);
            }
        }
        return matches;
    }

    private static void checkOrder(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n-gram order must be >= 1, got " + n);
        }
    }
}
