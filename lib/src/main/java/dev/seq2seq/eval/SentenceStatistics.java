package dev.seq2seq.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A corpus metric split into per-sentence sufficient statistics that add up: the corpus score of
 * any multiset of sentences is {@code score(sum of their rows)}. This is what bootstrap resampling
 * needs (sacreBLEU's {@code _extract_corpus_statistics} and {@code _compute_score_from_stats}).
 *
 * @param name the metric's name, e.g. {@code BLEU}
 * @param rows one row of statistics per sentence, all of one length
 * @param score the corpus score (0-100) of summed statistics
 */
public record SentenceStatistics(String name, List<long[]> rows, ToDoubleFunction<long[]> score) {

    /**
     * Per-sentence BLEU statistics: hypothesis length, closest reference length, then the matches
     * and totals of each order.
     *
     * @param bleu the BLEU settings
     * @param hypotheses one per sentence
     * @param references each sentence's references
     * @return the statistics
     * @throws IllegalArgumentException if the lists differ in length or a sentence has no reference
     */
    public static SentenceStatistics bleu(
            Bleu bleu, List<String> hypotheses, List<? extends List<String>> references) {
        References.check(hypotheses, references);
        List<long[]> rows = new ArrayList<>(hypotheses.size());
        for (int i = 0; i < hypotheses.size(); i++) {
            BleuStatistics s = bleu.statistics(hypotheses.get(i), references.get(i));
            int n = s.maxOrder();
            long[] row = new long[2 + 2 * n];
            row[0] = s.hypLength();
            row[1] = s.refLength();
            System.arraycopy(s.matches(), 0, row, 2, n);
            System.arraycopy(s.totals(), 0, row, 2 + n, n);
            rows.add(row);
        }
        return new SentenceStatistics(
                "BLEU",
                rows,
                row -> {
                    int n = (row.length - 2) / 2;
                    return bleu.score(
                                    new BleuStatistics(
                                            row[0],
                                            row[1],
                                            Arrays.copyOfRange(row, 2, 2 + n),
                                            Arrays.copyOfRange(row, 2 + n, row.length)))
                            .score();
                });
    }

    /**
     * Per-sentence chrF statistics (each sentence's best reference).
     *
     * @param chrf the chrF settings
     * @param hypotheses one per sentence
     * @param references each sentence's references
     * @return the statistics
     * @throws IllegalArgumentException if the lists differ in length or a sentence has no reference
     */
    public static SentenceStatistics chrf(
            Chrf chrf, List<String> hypotheses, List<? extends List<String>> references) {
        References.check(hypotheses, references);
        List<long[]> rows = new ArrayList<>(hypotheses.size());
        for (int i = 0; i < hypotheses.size(); i++) {
            rows.add(chrf.statistics(hypotheses.get(i), references.get(i)));
        }
        return new SentenceStatistics(chrf.name(), rows, chrf::fScore);
    }

    /**
     * Per-word statistics of the word error rate: (1 if the output matches none of the
     * pronunciations, else 0; 1), so that a resample's WER is the first sum over the second, as a
     * percentage ({@link PronunciationErrors}).
     *
     * @param words each word's result
     * @return the statistics
     */
    public static SentenceStatistics wordErrorRate(List<PronunciationErrors.Word> words) {
        List<long[]> rows = new ArrayList<>(words.size());
        for (PronunciationErrors.Word w : words) {
            rows.add(new long[] {w.correct() ? 0 : 1, 1});
        }
        return new SentenceStatistics("WER", rows, SentenceStatistics::percentage);
    }

    /**
     * Per-word statistics of the phoneme error rate: (edits to the closest pronunciation, its
     * length), so that a resample's PER is the first sum over the second, as a percentage.
     *
     * @param words each word's result
     * @return the statistics
     */
    public static SentenceStatistics phonemeErrorRate(List<PronunciationErrors.Word> words) {
        List<long[]> rows = new ArrayList<>(words.size());
        for (PronunciationErrors.Word w : words) {
            rows.add(new long[] {w.edits(), w.referenceLength()});
        }
        return new SentenceStatistics("PER", rows, SentenceStatistics::percentage);
    }

    private static double percentage(long[] sums) {
        return sums[1] == 0 ? Double.NaN : 100.0 * sums[0] / sums[1];
    }

    /**
     * Returns the number of sentences.
     *
     * @return N
     */
    public int size() {
        return rows.size();
    }

    /**
     * Scores the sentences at the given positions, repeats counted: one bootstrap resample.
     *
     * @param sample sentence indices in [0, N)
     * @return the corpus score of that multiset of sentences
     */
    public double score(int[] sample) {
        long[] sum = new long[rows.get(0).length];
        for (int i : sample) {
            long[] row = rows.get(i);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += row[k];
            }
        }
        return score.applyAsDouble(sum);
    }

    /**
     * Scores every sentence once: the corpus score.
     *
     * @return the corpus score
     */
    public double corpusScore() {
        int[] all = new int[size()];
        Arrays.setAll(all, i -> i);
        return score(all);
    }
}
