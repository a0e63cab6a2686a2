package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A BLEU score with the numbers it is made of, as sacreBLEU's {@code BLEUScore}.
 *
 * <p>BLEU = BP · exp(Σ_n log p_n / N), where p_n is the (smoothed) precision of order n and BP =
 * min(1, exp(1 − r / c)) the brevity penalty for hypothesis length c and reference length r. Index
 * n-1 of the arrays holds order n.
 *
 * @param score BLEU on the 0–100 scale
 * @param precisions the precisions p_n in percent, after smoothing; 0 where the order was not
 *     computed (no matches at all, or no hypothesis n-grams of that order)
 * @param bp the brevity penalty in [0, 1]
 * @param sysLen the hypothesis length c in tokens
 * @param refLen the reference length r in tokens
 * @param counts the clipped n-gram matches per order, before smoothing (sacreBLEU reports them
 *     after {@link Smoothing#ADD_K} has added k; here they stay raw)
 * @param totals the hypothesis n-grams per order, before smoothing
 * @param signature the sacreBLEU-style signature, e.g. {@code
 *     nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x}
 */
public record BleuScore(
        double score,
        double[] precisions,
        double bp,
        long sysLen,
        long refLen,
        long[] counts,
        long[] totals,
        String signature) {

    /**
     * Copies the arrays.
     *
     * @throws IllegalArgumentException if an array or the signature is null
     */
    public BleuScore {
        Preconditions.checkArgument(
                precisions != null && counts != null && totals != null && signature != null,
                "BleuScore needs precisions, counts, totals and a signature");
        precisions = precisions.clone();
        counts = counts.clone();
        totals = totals.clone();
    }

    /**
     * Returns the brevity penalty BP = min(1, exp(1 − r / c)) of Papineni et al. (2002), as
     * sacreBLEU computes it: 1 when the hypotheses are at least as long as the references, 0 when
     * there is no hypothesis token.
     *
     * @param sysLen the hypothesis length c in tokens
     * @param refLen the reference length r in tokens
     * @return BP in [0, 1]
     * @throws IllegalArgumentException if a length is negative
     */
    public static double brevityPenalty(long sysLen, long refLen) {
        Preconditions.checkArgument(
                sysLen >= 0 && refLen >= 0,
                "lengths must be >= 0, got c = " + sysLen + ", r = " + refLen);
        return sysLen >= refLen ? 1.0 : sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
    }

    /**
     * Returns the precisions in percent (a copy).
     *
     * @return index n-1 holds order n
     */
    @Override
    public double[] precisions() {
        return precisions.clone();
    }

    /**
     * Returns the clipped matches per order (a copy).
     *
     * @return index n-1 holds order n
     */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /**
     * Returns the hypothesis n-grams per order (a copy).
     *
     * @return index n-1 holds order n
     */
    @Override
    public long[] totals() {
        return totals.clone();
    }

    /**
     * Returns the length ratio c / r.
     *
     * @return hypothesis length over reference length, or 0 if the reference length is 0
     */
    public double ratio() {
        return refLen == 0 ? 0 : (double) sysLen / refLen;
    }

    /**
     * Formats the score as sacreBLEU does, e.g. {@code BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943
     * ratio = 0.944 hyp_len = 17 ref_len = 18)}; numbers are rounded as Python rounds them.
     *
     * @return the one-line summary
     */
    @Override
    public String toString() {
        StringJoiner precisionText = new StringJoiner("/");
        for (double p : precisions) {
            precisionText.add(PythonText.fixed(p, 1));
        }
        return "BLEU = "
                + PythonText.fixed(score, 2)
                + " "
                + precisionText
                + " (BP = "
                + PythonText.fixed(bp, 3)
                + " ratio = "
                + PythonText.fixed(ratio(), 3)
                + " hyp_len = "
                + sysLen
                + " ref_len = "
                + refLen
                + ")";
    }

    /**
     * Formats the score with its signature, as sacreBLEU's text output: {@code
     * BLEU|nrefs:1|...|version:2.x.x = 20.8 54.4/26.6/14.9/8.7 (BP = ...)}, with the score rounded
     * to {@code digits} decimals.
     *
     * @param digits decimals for the score (sacreBLEU's {@code -w}, default 1 on its command line)
     * @return the signed summary
     */
    public String toSignedString(int digits) {
        String rest = toString().substring(toString().indexOf(' ', "BLEU = ".length()));
        return "BLEU|" + signature + " = " + PythonText.fixed(score, digits) + rest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BleuScore other
                && Double.compare(score, other.score) == 0
                && Double.compare(bp, other.bp) == 0
                && sysLen == other.sysLen
                && refLen == other.refLen
                && Arrays.equals(precisions, other.precisions)
                && Arrays.equals(counts, other.counts)
                && Arrays.equals(totals, other.totals)
                && signature.equals(other.signature);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(score) * 31 + signature.hashCode();
    }
}
