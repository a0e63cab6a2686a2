package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BLEU (Papineni et al. 2002) computed as sacreBLEU 2.x computes it (Post 2018, "A Call for Clarity
 * in Reporting BLEU Scores"; algorithm read from sacreBLEU v2.6.0, {@code
 * sacrebleu/metrics/bleu.py}), so that scores and signatures are comparable with published ones.
 *
 * <p>Each segment is lower-cased (optionally), right-stripped and tokenized ({@link
 * BleuTokenizer}); n-grams of orders 1..N (N = 4) are counted and clipped against the references
 * ({@link BleuStatistics}); corpus BLEU sums these counts over segments and then applies {@link
 * #score(BleuStatistics)}.
 *
 * <pre>{@code
 * Bleu bleu = Bleu.builder().optTokenizer(BleuTokenizer.INTL).build();
 * BleuScore corpus = bleu.corpusScore(hypotheses, referencesPerSegment);
 * BleuScore one = Bleu.sentenceBuilder().build().sentenceScore(hypothesis, references);
 * }</pre>
 *
 * <p>The defaults are those of sacreBLEU's {@code BLEU()} class: 13a, mixed case, exp smoothing, no
 * effective order. sacreBLEU's {@code sentence_bleu()} function differs only in using the effective
 * order; {@link #sentenceBuilder()} starts from its defaults.
 */
public final class Bleu {

    /**
     * The {@code version} field of the signatures of this package. It reads {@code 2.x.x} because
     * the metrics re-implement sacreBLEU 2.x (checked against v2.6.0) rather than being sacreBLEU
     * itself.
     */
    public static final String SIGNATURE_VERSION = "2.x.x";

    /** The floor for log(0) in the geometric mean, as sacreBLEU's {@code my_log}. */
    private static final double LOG_ZERO = -9999999999.0;

    private final BleuTokenizer tokenizer;
    private final Smoothing smoothing;
    private final double smoothingValue;
    private final boolean lowercase;
    private final boolean effectiveOrder;
    private final int maxOrder;

    Bleu(BleuBuilder builder) {
        this.tokenizer = builder.tokenizer;
        this.smoothing = builder.smoothing;
        this.smoothingValue =
                builder.smoothingValue == null ? smoothing.defaultValue() : builder.smoothingValue;
        this.lowercase = builder.lowercase;
        this.effectiveOrder = builder.effectiveOrder;
        this.maxOrder = builder.maxOrder;
    }

    /**
     * Returns a builder with sacreBLEU's corpus defaults ({@code BLEU()}).
     *
     * @return a new builder
     */
    public static BleuBuilder builder() {
        return new BleuBuilder();
    }

    /**
     * Returns a builder with the defaults of sacreBLEU's {@code sentence_bleu()}: as {@link
     * #builder()} but with the effective order on, so that a short sentence without 4-grams is not
     * scored 0.
     *
     * @return a new builder
     */
    public static BleuBuilder sentenceBuilder() {
        return new BleuBuilder().optEffectiveOrder(true);
    }

    /**
     * Scores a corpus. Statistics are summed over segments, then BLEU is computed once.
     *
     * @param hypotheses one hypothesis per segment
     * @param references for each segment, its references (at least one); see {@link References} for
     *     sacreBLEU's stream layout
     * @return the corpus score with its signature
     * @throws IllegalArgumentException if an argument or element is null, the counts differ (both
     *     are named), or a segment has no reference
     */
    public BleuScore corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        References.check(hypotheses, references);
        BleuStatistics total = BleuStatistics.zero(maxOrder);
        for (int i = 0; i < hypotheses.size(); i++) {
            total = total.plus(statistics(hypotheses.get(i), references.get(i)));
        }
        return score(total, References.nrefs(references));
    }

    /**
     * Scores one sentence against its references, with this instance's settings (use {@link
     * #sentenceBuilder()} for sacreBLEU's {@code sentence_bleu()} defaults).
     *
     * @param hypothesis the hypothesis
     * @param references its references (at least one)
     * @return the sentence score with its signature
     * @throws IllegalArgumentException if an argument is null or there is no reference
     */
    public BleuScore sentenceScore(String hypothesis, List<String> references) {
        return corpusScore(listOf(hypothesis), listOf(references));
    }

    /**
     * Computes the statistics of one segment.
     *
     * @param hypothesis the hypothesis
     * @param references its references (at least one)
     * @return matches, totals and lengths
     * @throws IllegalArgumentException if an argument is null or there is no reference
     */
    public BleuStatistics statistics(String hypothesis, List<String> references) {
        References.check(listOf(hypothesis), listOf(references));
        List<List<String>> refTokens = new ArrayList<>(references.size());
        for (String reference : references) {
            refTokens.add(tokens(reference));
        }
        return BleuStatistics.of(tokens(hypothesis), refTokens, maxOrder);
    }

    /**
     * Pre-processes a segment as BLEU sees it: lower-cased if configured, trailing whitespace
     * removed, tokenized, split on whitespace.
     *
     * @param segment the text
     * @return its tokens
     */
    public List<String> tokens(String segment) {
        String text = lowercase ? PythonText.lower(segment) : segment;
        return PythonText.split(tokenizer.tokenize(PythonText.rstrip(text)));
    }

    /**
     * Computes BLEU from statistics (sacreBLEU's {@code compute_bleu}), with this instance's
     * smoothing and effective order. The signature's {@code nrefs} is 1.
     *
     * <p>If no n-gram of any order matches, BLEU is 0. Otherwise, for n = 1..N: the first order
     * whose hypothesis has no n-grams stops the loop (with the effective order, N becomes the last
     * order reached; without it, the missing orders count as precision 0 and BLEU is 0); an order
     * with no matches gets its precision from the {@link Smoothing}.
     *
     * @param stats summed statistics with this instance's maximum order
     * @return the score
     * @throws IllegalArgumentException if the statistics have another maximum order
     */
    public BleuScore score(BleuStatistics stats) {
        return score(stats, "1");
    }

    private BleuScore score(BleuStatistics stats, String nrefs) {
        Preconditions.checkArgument(
                stats.maxOrder() == maxOrder,
                "statistics have max order " + stats.maxOrder() + ", BLEU expects " + maxOrder);
        long sys = stats.hypLength();
        long ref = stats.refLength();
        double bp = BleuScore.brevityPenalty(sys, ref);
        long[] matches = stats.matches();
        long[] totals = stats.totals();
        double[] precisions = new double[maxOrder];
        String signature = signature(nrefs);
        boolean anyMatch = false;
        for (long m : matches) {
            anyMatch |= m > 0;
        }
        if (!anyMatch) {
            return new BleuScore(0.0, precisions, bp, sys, ref, matches, totals, signature);
        }
        double smoothMteval = 1.0;
        int order = maxOrder;
        for (int n = 1; n <= maxOrder; n++) {
            double correct = matches[n - 1];
            double total = totals[n - 1];
            if (smoothing == Smoothing.ADD_K && n > 1) {
                correct += smoothingValue;
                total += smoothingValue;
            }
            if (total == 0) {
                break;
            }
            if (effectiveOrder) {
                order = n;
            }
            if (correct == 0) {
                if (smoothing == Smoothing.EXP) {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100.0 / (smoothMteval * total);
                } else if (smoothing == Smoothing.FLOOR) {
                    precisions[n - 1] = 100.0 * smoothingValue / total;
                }
            } else {
                precisions[n - 1] = 100.0 * correct / total;
            }
        }
        double logSum = 0;
        for (int n = 0; n < order; n++) {
            logSum += precisions[n] == 0.0 ? LOG_ZERO : Math.log(precisions[n]);
        }
        double score = bp * Math.exp(logSum / order);
        return new BleuScore(score, precisions, bp, sys, ref, matches, totals, signature);
    }

    /**
     * Returns the signature for a given number of references per segment, in sacreBLEU's format:
     * {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x}.
     *
     * @param nrefs the number of references per segment, or {@code var}
     * @return the signature
     */
    public String signature(String nrefs) {
        return String.format(
                Locale.ROOT,
                "nrefs:%s|case:%s|eff:%s|tok:%s|smooth:%s|version:%s",
                nrefs,
                lowercase ? "lc" : "mixed",
                effectiveOrder ? "yes" : "no",
                tokenizer.signature(),
                smoothing.signature(smoothingValue),
                SIGNATURE_VERSION);
    }

    private static <T> List<T> listOf(T element) {
        List<T> list = new ArrayList<>(1);
        list.add(element);
        return list;
    }
}
