package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (Lin 2004, "ROUGE: A Package for Automatic Evaluation of
 * Summaries"), as Google's rouge-score package computes them without stemming ({@code
 * rouge/rouge_scorer.py}, {@code tokenize.py}, {@code scoring.py} in google-research), which in
 * turn matches ROUGE-1.5.5 run as {@code -e data -n 2}.
 *
 * <p>Tokenization: lower-case, then keep the runs of ASCII letters and digits ({@code [a-z0-9]+});
 * everything else separates tokens. Letters outside ASCII are therefore dropped ("café" gives
 * {@code caf}), exactly as in rouge-score: ROUGE is an English-oriented metric; prefer {@link Chrf}
 * for other languages.
 *
 * <ul>
 *   <li>ROUGE-N: clipped n-gram overlap; precision = overlap / hypothesis n-grams, recall = overlap
 *       / reference n-grams (each denominator at least 1).
 *   <li>ROUGE-L: length of the longest common subsequence of the token sequences; precision = LCS /
 *       hypothesis length, recall = LCS / reference length; 0 if either is empty.
 * </ul>
 *
 * <p>With several references, each variant takes the reference with the highest F1 (the first on a
 * tie), as rouge-score's {@code score_multi}. A corpus score is the mean of the segment scores, for
 * precision, recall and F1 separately (the "mid" of rouge-score's bootstrap aggregator estimates
 * the same mean).
 */
public final class Rouge {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+");

    private Rouge() {}

    /**
     * Tokenizes text as rouge-score's default tokenizer without stemming.
     *
     * @param text the text
     * @return lower-case ASCII alphanumeric tokens
     */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(PythonText.lower(text));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /**
     * Computes ROUGE-N between token sequences.
     *
     * @param hypothesis hypothesis tokens
     * @param reference reference tokens
     * @param n the n-gram order, at least 1
     * @return precision, recall and F1
     * @throws IllegalArgumentException if n is less than 1
     */
    public static RougeScore rougeN(List<String> hypothesis, List<String> reference, int n) {
        Map<String, Integer> hyp = NgramCounter.wordNgrams(hypothesis, n);
        Map<String, Integer> ref = NgramCounter.wordNgrams(reference, n);
        long overlap = NgramCounter.clippedMatches(hyp, ref);
        double precision = (double) overlap / Math.max(NgramCounter.total(hyp), 1);
        double recall = (double) overlap / Math.max(NgramCounter.total(ref), 1);
        return RougeScore.of(precision, recall);
    }

    /**
     * Computes sentence-level ROUGE-L between token sequences.
     *
     * @param hypothesis hypothesis tokens
     * @param reference reference tokens
     * @return precision, recall and F1; {@link RougeScore#ZERO} if either sequence is empty
     */
    public static RougeScore rougeL(List<String> hypothesis, List<String> reference) {
        if (hypothesis.isEmpty() || reference.isEmpty()) {
            return RougeScore.ZERO;
        }
        int lcs = lcsLength(hypothesis, reference);
        return RougeScore.of((double) lcs / hypothesis.size(), (double) lcs / reference.size());
    }

    /**
     * Returns the length of the longest common subsequence (not necessarily contiguous), by dynamic
     * programming in O(|a| · |b|) time and O(|b|) memory.
     *
     * @param a one sequence
     * @param b the other
     * @return the LCS length
     */
    public static int lcsLength(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] =
                        a.get(i - 1).equals(b.get(j - 1))
                                ? previous[j - 1] + 1
                                : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /**
     * Scores one hypothesis against its references; each variant uses its own best reference.
     *
     * @param hypothesis the hypothesis text
     * @param references the reference texts (at least one)
     * @return ROUGE-1, ROUGE-2 and ROUGE-L
     * @throws IllegalArgumentException if an argument is null or there is no reference
     */
    public static RougeScores sentenceScores(String hypothesis, List<String> references) {
        Preconditions.checkArgument(hypothesis != null, "hypothesis is null");
        References.checkSegment(0, references);
        List<String> hyp = tokenize(hypothesis);
        List<List<String>> refs = new ArrayList<>(references.size());
        for (String reference : references) {
            refs.add(tokenize(reference));
        }
        return new RougeScores(
                best(hyp, refs, (h, r) -> rougeN(h, r, 1)),
                best(hyp, refs, (h, r) -> rougeN(h, r, 2)),
                best(hyp, refs, Rouge::rougeL));
    }

    /**
     * Scores a corpus as the mean of its segment scores.
     *
     * @param hypotheses one hypothesis per segment
     * @param references for each segment, its references (at least one)
     * @return mean ROUGE-1, ROUGE-2 and ROUGE-L; all zeros for an empty corpus
     * @throws IllegalArgumentException if an argument or element is null, the counts differ (both
     *     are named), or a segment has no reference
     */
    public static RougeScores corpusScores(
            List<String> hypotheses, List<? extends List<String>> references) {
        References.check(hypotheses, references);
        double[] sums = new double[9];
        for (int i = 0; i < hypotheses.size(); i++) {
            RougeScores s = sentenceScores(hypotheses.get(i), references.get(i));
            RougeScore[] parts = {s.rouge1(), s.rouge2(), s.rougeL()};
            for (int k = 0; k < 3; k++) {
                sums[3 * k] += parts[k].precision();
                sums[3 * k + 1] += parts[k].recall();
                sums[3 * k + 2] += parts[k].f1();
            }
        }
        int count = Math.max(hypotheses.size(), 1);
        RougeScore[] means = new RougeScore[3];
        for (int k = 0; k < 3; k++) {
            means[k] =
                    new RougeScore(
                            sums[3 * k] / count, sums[3 * k + 1] / count, sums[3 * k + 2] / count);
        }
        return new RougeScores(means[0], means[1], means[2]);
    }

    private static RougeScore best(
            List<String> hyp,
            List<List<String>> refs,
            BiFunction<List<String>, List<String>, RougeScore> metric) {
        RougeScore best = null;
        for (List<String> ref : refs) {
            RougeScore score = metric.apply(hyp, ref);
            if (best == null || score.f1() > best.f1()) {
                best = score;
            }
        }
        return best;
    }
}
