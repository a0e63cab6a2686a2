package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard metrics of grapheme-to-phoneme conversion, as in Bisani and Ney (2008),
 * "Joint-sequence models for grapheme-to-phoneme conversion", and the sequence-to-sequence papers
 * that followed (Rao et al. 2015; Yao and Zweig 2015; Toshniwal and Livescu 2016):
 *
 * <ul>
 *   <li><b>word error rate</b> (WER): the share of words whose output matches none of their
 *       pronunciations exactly;
 *   <li><b>phoneme error rate</b> (PER): the edit distance (substitutions, insertions and
 *       deletions, each costing 1) from each output to its closest pronunciation, summed over the
 *       words and divided by the summed lengths of those closest pronunciations.
 * </ul>
 *
 * <p>The closest pronunciation is the one at the smallest edit distance; among equally close ones,
 * the first in the order given. Both rates are percentages.
 */
public final class PronunciationErrors {

    private PronunciationErrors() {}

    /**
     * One word's errors.
     *
     * @param edits the edit distance to the closest pronunciation
     * @param referenceLength the closest pronunciation's length in phonemes
     * @param closest the index of the closest pronunciation
     */
    public record Word(int edits, int referenceLength, int closest) {

        /**
         * Returns whether the output is one of the pronunciations.
         *
         * @return {@code edits == 0}
         */
        public boolean correct() {
            return edits == 0;
        }
    }

    /**
     * Scores one word's output against its pronunciations.
     *
     * @param output the output phonemes
     * @param pronunciations the word's pronunciations, each a list of phonemes
     * @return the edit distance to the closest, its length and index
     * @throws IllegalArgumentException if there is no pronunciation
     */
    public static Word word(List<String> output, List<List<String>> pronunciations) {
        Preconditions.checkArgument(
                !pronunciations.isEmpty(), "a word needs at least one pronunciation");
        int best = -1;
        int bestEdits = Integer.MAX_VALUE;
        for (int i = 0; i < pronunciations.size(); i++) {
            int edits = editDistance(output, pronunciations.get(i));
            if (edits < bestEdits) {
                best = i;
                bestEdits = edits;
            }
        }
        return new Word(bestEdits, pronunciations.get(best).size(), best);
    }

    /**
     * Scores a test set.
     *
     * @param outputs each word's output phonemes
     * @param pronunciations each word's pronunciations
     * @return the corpus WER and PER
     * @throws IllegalArgumentException if the lists differ in length or a word has no pronunciation
     */
    public static PronunciationScore score(
            List<List<String>> outputs, List<List<List<String>>> pronunciations) {
        List<Word> words = words(outputs, pronunciations);
        int wrong = 0;
        long edits = 0;
        long length = 0;
        for (Word w : words) {
            wrong += w.correct() ? 0 : 1;
            edits += w.edits();
            length += w.referenceLength();
        }
        return new PronunciationScore(words.size(), wrong, edits, length);
    }

    /**
     * Scores each word of a test set.
     *
     * @param outputs each word's output phonemes
     * @param pronunciations each word's pronunciations
     * @return one result per word, in order
     * @throws IllegalArgumentException if the lists differ in length or a word has no pronunciation
     */
    public static List<Word> words(
            List<List<String>> outputs, List<List<List<String>>> pronunciations) {
        Preconditions.checkArgument(
                outputs.size() == pronunciations.size(),
                String.format(
                        "expected one output per word (%d), got %d",
                        pronunciations.size(), outputs.size()));
        List<Word> words = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            words.add(word(outputs.get(i), pronunciations.get(i)));
        }
        return words;
    }

    /** The gap of an alignment: a phoneme the other side has no counterpart for. */
    public static final String GAP = "-";

    /**
     * Aligns an output with a pronunciation along a shortest edit path: matches and substitutions
     * pair a reference phoneme with an output phoneme; a deletion pairs a reference phoneme with
     * {@link #GAP}, an insertion {@link #GAP} with an output phoneme. Among equally short paths,
     * substitutions are preferred, then deletions.
     *
     * @param output the output phonemes
     * @param reference the pronunciation
     * @return the aligned pairs {@code {reference, output}}, in order; as many non-matching pairs
     *     as the edit distance
     */
    public static List<String[]> align(List<String> output, List<String> reference) {
        int n = reference.size();
        int m = output.size();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = reference.get(i - 1).equals(output.get(j - 1)) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        List<String[]> pairs = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0) {
                int cost = reference.get(i - 1).equals(output.get(j - 1)) ? 0 : 1;
                if (d[i][j] == d[i - 1][j - 1] + cost) {
                    pairs.add(new String[] {reference.get(i - 1), output.get(j - 1)});
                    i--;
                    j--;
                    continue;
                }
            }
            if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                pairs.add(new String[] {reference.get(i - 1), GAP});
                i--;
            } else {
                pairs.add(new String[] {GAP, output.get(j - 1)});
                j--;
            }
        }
        java.util.Collections.reverse(pairs);
        return pairs;
    }

    /**
     * The Levenshtein distance between two token sequences: the fewest substitutions, insertions
     * and deletions that turn one into the other.
     *
     * @param a one sequence
     * @param b the other
     * @return the distance, between {@code |len(a) - len(b)|} and {@code max(len(a), len(b))}
     */
    public static int editDistance(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j; // b's first j tokens inserted
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i; // a's first i tokens deleted
            for (int j = 1; j <= b.size(); j++) {
                int substitute = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
