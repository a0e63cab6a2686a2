package dev.seq2seq.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * chrF (Popović 2015) and chrF++ (Popović 2017), computed as sacreBLEU 2.x computes them (read from
 * sacreBLEU v2.6.0, {@code sacrebleu/metrics/chrf.py}).
 *
 * <p>chrF is an F-score over character n-grams of orders 1..6 (whitespace removed), with β = 2 so
 * that recall weighs twice as much as precision. chrF++ adds word unigrams and bigrams, after
 * splitting one punctuation mark off the start or end of each word. For each order, precision and
 * recall are computed from clipped n-gram matches; with sacreBLEU's default (the effective order)
 * they are averaged over the orders that both sides have, then combined:
 *
 * <pre>
 * chrF = 100 · (1 + β²) · P · R / (β² · P + R)
 * </pre>
 *
 * <p>Statistics are summed over segments before the F-score (corpus chrF is not the mean of
 * sentence chrF). With several references, each segment uses the reference with the highest
 * segment-level F-score (the first on a tie).
 */
public final class Chrf {

    /** ASCII punctuation, Python's {@code string.punctuation}, split off words for chrF++. */
    private static final Set<Integer> PUNCTUATION =
            Set.copyOf("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".chars().boxed().toList());

    private static final double EPS = 1e-16;

    private final int charOrder;
    private final int wordOrder;
    private final int beta;
    private final boolean lowercase;
    private final boolean whitespace;
    private final boolean epsSmoothing;

    Chrf(ChrfBuilder builder) {
        this.charOrder = builder.charOrder;
        this.wordOrder = builder.wordOrder;
        this.beta = builder.beta;
        this.lowercase = builder.lowercase;
        this.whitespace = builder.whitespace;
        this.epsSmoothing = builder.epsSmoothing;
    }

    /**
     * Returns a builder with sacreBLEU's defaults ({@code CHRF()}: chrF2, 6 character orders, no
     * word n-grams).
     *
     * @return a new builder
     */
    public static ChrfBuilder builder() {
        return new ChrfBuilder();
    }

    /**
     * Scores a corpus: per-order statistics of each segment's best reference are summed, then the
     * F-score is computed once.
     *
     * @param hypotheses one hypothesis per segment
     * @param references for each segment, its references (at least one); see {@link References}
     * @return the corpus score with its signature
     * @throws IllegalArgumentException if an argument or element is null, the counts differ (both
     *     are named), or a segment has no reference
     */
    public ChrfScore corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        References.check(hypotheses, references);
        long[] total = new long[3 * (charOrder + wordOrder)];
        for (int i = 0; i < hypotheses.size(); i++) {
            long[] stats = statistics(hypotheses.get(i), references.get(i));
            for (int k = 0; k < total.length; k++) {
                total[k] += stats[k];
            }
        }
        return new ChrfScore(fScore(total), name(), signature(References.nrefs(references)));
    }

    /**
     * Scores one sentence against its references.
     *
     * @param hypothesis the hypothesis
     * @param references its references (at least one)
     * @return the sentence score with its signature
     * @throws IllegalArgumentException if an argument is null or there is no reference
     */
    public ChrfScore sentenceScore(String hypothesis, List<String> references) {
        List<String> hypotheses = new ArrayList<>(1);
        hypotheses.add(hypothesis);
        List<List<String>> perSegment = new ArrayList<>(1);
        perSegment.add(references);
        return corpusScore(hypotheses, perSegment);
    }

    /**
     * Returns the statistics of one segment against its best reference: for each order (character
     * orders 1..nc, then word orders 1..nw), three counts: hypothesis n-grams (0 if the reference
     * has none of that order), reference n-grams, clipped matches.
     *
     * @param hypothesis the hypothesis
     * @param references its references (at least one)
     * @return 3 · (nc + nw) counts
     * @throws IllegalArgumentException if an argument is null or there is no reference
     */
    public long[] statistics(String hypothesis, List<String> references) {
        References.checkSegment(0, references);
        if (hypothesis == null) {
            throw new IllegalArgumentException("hypothesis is null");
        }
        List<Map<String, Integer>> hyp = ngrams(hypothesis);
        long[] best = null;
        double bestF = -1;
        for (String reference : references) {
            List<Map<String, Integer>> ref = ngrams(reference);
            long[] stats = new long[3 * ref.size()];
            for (int i = 0; i < ref.size(); i++) {
                stats[3 * i] = ref.get(i).isEmpty() ? 0 : NgramCounter.total(hyp.get(i));
                stats[3 * i + 1] = NgramCounter.total(ref.get(i));
                stats[3 * i + 2] = NgramCounter.clippedMatches(hyp.get(i), ref.get(i));
            }
            double f = fScore(stats);
            if (f > bestF) {
                bestF = f;
                best = stats;
            }
        }
        return best;
    }

    /**
     * Computes the score from (summed) statistics, as sacreBLEU's {@code _compute_f_score}.
     *
     * <p>With the effective order (default), precisions and recalls are averaged over the orders
     * where both hypothesis and reference have n-grams, and then combined; if there are none, the
     * score is 0. With eps smoothing (chrF++.py, NLTK, Moses), an F-score is computed per order,
     * with 10⁻¹⁶ standing in for undefined values, and the F-scores are averaged over all orders.
     *
     * @param stats 3 · (nc + nw) counts, as from {@link #statistics}
     * @return the score on the 0–100 scale
     * @throws IllegalArgumentException if the array has the wrong length
     */
    public double fScore(long[] stats) {
        int order = charOrder + wordOrder;
        if (stats.length != 3 * order) {
            throw new IllegalArgumentException(
                    "expected " + 3 * order + " statistics, got " + stats.length);
        }
        double factor = beta * beta;
        double score = 0;
        double avgPrec = 0;
        double avgRec = 0;
        int effectiveOrder = 0;
        for (int i = 0; i < order; i++) {
            long nHyp = stats[3 * i];
            long nRef = stats[3 * i + 1];
            long nMatch = stats[3 * i + 2];
            double prec = nHyp > 0 ? (double) nMatch / nHyp : EPS;
            double rec = nRef > 0 ? (double) nMatch / nRef : EPS;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : EPS;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (epsSmoothing) {
            return 100 * score / order;
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        avgPrec /= effectiveOrder;
        avgRec /= effectiveOrder;
        if (avgPrec + avgRec == 0) {
            return 0.0;
        }
        return 100 * ((1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec));
    }

    /**
     * Returns the signature in sacreBLEU's format, e.g. {@code
     * nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x.x}; {@code eff:yes} means the
     * effective order, {@code eff:no} eps smoothing.
     *
     * @param nrefs the number of references per segment, or {@code var}
     * @return the signature
     */
    public String signature(String nrefs) {
        return String.format(
                Locale.ROOT,
                "nrefs:%s|case:%s|eff:%s|nc:%d|nw:%d|space:%s|version:%s",
                nrefs,
                lowercase ? "lc" : "mixed",
                epsSmoothing ? "no" : "yes",
                charOrder,
                wordOrder,
                whitespace ? "yes" : "no",
                Bleu.SIGNATURE_VERSION);
    }

    /**
     * Returns the metric's name as sacreBLEU prints it: {@code chrF2}, or {@code chrF2++} for
     * chrF++ (one {@code +} per word order).
     *
     * @return the name
     */
    public String name() {
        return "chrF" + beta + "+".repeat(wordOrder);
    }

    /**
     * Splits words for chrF++ word n-grams (sacreBLEU's {@code _remove_punctuation}, after
     * Popović's chrF++.py): a word longer than one character that ends with ASCII punctuation loses
     * that last character as a separate token; otherwise one that starts with punctuation loses its
     * first. Only one mark is split, so {@code (hi)} gives {@code (hi} and {@code )}.
     *
     * @param segment the text
     * @return the words
     */
    public static List<String> words(String segment) {
        List<String> words = new ArrayList<>();
        for (String w : PythonText.split(segment)) {
            if (w.codePointCount(0, w.length()) == 1) {
                words.add(w);
            } else if (PUNCTUATION.contains((int) w.charAt(w.length() - 1))) {
                words.add(w.substring(0, w.length() - 1));
                words.add(w.substring(w.length() - 1));
            } else if (PUNCTUATION.contains((int) w.charAt(0))) {
                words.add(w.substring(0, 1));
                words.add(w.substring(1));
            } else {
                words.add(w);
            }
        }
        return words;
    }

    /** Character n-grams of orders 1..nc, then word n-grams of orders 1..nw. */
    private List<Map<String, Integer>> ngrams(String segment) {
        String text = lowercase ? PythonText.lower(segment) : segment;
        String chars = whitespace ? text : PythonText.removeWhitespace(text);
        List<Map<String, Integer>> ngrams = new ArrayList<>(charOrder + wordOrder);
        for (int n = 1; n <= charOrder; n++) {
            ngrams.add(NgramCounter.charNgrams(chars, n));
        }
        if (wordOrder > 0) {
            List<String> words = words(text);
            for (int n = 1; n <= wordOrder; n++) {
                ngrams.add(NgramCounter.wordNgrams(words, n));
            }
        }
        return ngrams;
    }
}
