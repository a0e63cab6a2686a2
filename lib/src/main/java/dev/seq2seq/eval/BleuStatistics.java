package dev.seq2seq.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The sufficient statistics of BLEU for one segment or a whole corpus: hypothesis length, the
 * reference length BLEU compares it with, and per order n = 1..N the clipped n-gram matches and the
 * hypothesis n-gram total. Corpus BLEU sums these over segments before dividing, which is why it is
 * not the mean of sentence BLEUs.
 *
 * <p>Index n-1 of {@link #matches()} and {@link #totals()} holds order n.
 *
 * @param hypLength the number of hypothesis tokens
 * @param refLength the reference length: per segment, the reference length closest to the
 *     hypothesis length (the shorter one on a tie), summed over segments
 * @param matches clipped matches per order
 * @param totals hypothesis n-grams per order
 */
public record BleuStatistics(long hypLength, long refLength, long[] matches, long[] totals) {

    /**
     * Checks and copies the statistics.
     *
     * @throws IllegalArgumentException if an array is null, the arrays differ in length or are
     *     empty, or a value is negative
     */
    public BleuStatistics {
        if (matches == null || totals == null || matches.length != totals.length) {
            throw new IllegalArgumentException(
                    "matches and totals must be arrays of the same length, got "
                            + (matches == null ? "null" : matches.length)
                            + " and "
                            + (totals == null ? "null" : totals.length));
        }
        if (matches.length == 0 || hypLength < 0 || refLength < 0) {
            throw new IllegalArgumentException(
                    "need at least one order and non-negative lengths, got "
                            + matches.length
                            + " orders, lengths "
                            + hypLength
                            + " and "
                            + refLength);
        }
        matches = matches.clone();
        totals = totals.clone();
    }

    /**
     * Computes the statistics of one segment (sacreBLEU's {@code _compute_segment_statistics}).
     * Reference n-gram counts are merged by taking, for each n-gram, its maximum count over the
     * references, so a hypothesis n-gram is credited at most as often as the most generous
     * reference allows.
     *
     * @param hypothesis the hypothesis tokens
     * @param references the tokens of each reference (at least one)
     * @param maxOrder the highest n-gram order N
     * @return the segment's statistics
     * @throws IllegalArgumentException if there is no reference or maxOrder is less than 1
     */
    public static BleuStatistics of(
            List<String> hypothesis, List<List<String>> references, int maxOrder) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("a segment needs at least one reference");
        }
        List<Map<String, Integer>> hypNgrams = NgramCounter.allWordNgrams(hypothesis, maxOrder);
        List<Map<String, Integer>> refNgrams = NgramCounter.allWordNgrams(List.of(), maxOrder);
        int[] refLengths = new int[references.size()];
        for (int r = 0; r < references.size(); r++) {
            List<String> reference = references.get(r);
            refLengths[r] = reference.size();
            for (int n = 1; n <= maxOrder; n++) {
                Map<String, Integer> merged = refNgrams.get(n - 1);
                NgramCounter.wordNgrams(reference, n)
                        .forEach((k, v) -> merged.merge(k, v, Math::max));
            }
        }
        long[] matches = new long[maxOrder];
        long[] totals = new long[maxOrder];
        for (int n = 1; n <= maxOrder; n++) {
            totals[n - 1] = NgramCounter.total(hypNgrams.get(n - 1));
            matches[n - 1] =
                    NgramCounter.clippedMatches(hypNgrams.get(n - 1), refNgrams.get(n - 1));
        }
        return new BleuStatistics(
                hypothesis.size(),
                closestRefLength(hypothesis.size(), refLengths),
                matches,
                totals);
    }

    /**
     * Returns the reference length closest to the hypothesis length; on a tie, the shorter one
     * (sacreBLEU's {@code _get_closest_ref_len}, as in {@code mteval-v13a.pl}).
     *
     * @param hypLength the hypothesis length
     * @param refLengths the reference lengths (at least one)
     * @return the closest reference length
     * @throws IllegalArgumentException if there is no reference length
     */
    public static int closestRefLength(int hypLength, int... refLengths) {
        if (refLengths.length == 0) {
            throw new IllegalArgumentException("a segment needs at least one reference");
        }
        int closest = refLengths[0];
        for (int refLength : refLengths) {
            int diff = Math.abs(hypLength - refLength);
            int best = Math.abs(hypLength - closest);
            if (diff < best || diff == best && refLength < closest) {
                closest = refLength;
            }
        }
        return closest;
    }

    /**
     * Returns all-zero statistics, the start of a corpus sum.
     *
     * @param maxOrder the highest n-gram order N
     * @return zero lengths and counts
     */
    public static BleuStatistics zero(int maxOrder) {
        return new BleuStatistics(0, 0, new long[maxOrder], new long[maxOrder]);
    }

    /**
     * Adds two statistics, as corpus BLEU does over segments.
     *
     * @param other statistics of the same maximum order
     * @return the element-wise sum
     * @throws IllegalArgumentException if the maximum orders differ
     */
    public BleuStatistics plus(BleuStatistics other) {
        if (other.maxOrder() != maxOrder()) {
            throw new IllegalArgumentException(
                    "cannot add statistics of max order "
                            + maxOrder()
                            + " and "
                            + other.maxOrder());
        }
        long[] m = matches.clone();
        long[] t = totals.clone();
        for (int i = 0; i < m.length; i++) {
            m[i] += other.matches[i];
            t[i] += other.totals[i];
        }
        return new BleuStatistics(hypLength + other.hypLength, refLength + other.refLength, m, t);
    }

    /**
     * Returns the highest n-gram order N.
     *
     * @return the number of orders
     */
    public int maxOrder() {
        return matches.length;
    }

    /**
     * Returns the clipped matches per order (a copy).
     *
     * @return index n-1 holds order n
     */
    @Override
    public long[] matches() {
        return matches.clone();
    }

    /**
     * Returns the hypothesis n-gram totals per order (a copy).
     *
     * @return index n-1 holds order n
     */
    @Override
    public long[] totals() {
        return totals.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BleuStatistics other
                && hypLength == other.hypLength
                && refLength == other.refLength
                && Arrays.equals(matches, other.matches)
                && Arrays.equals(totals, other.totals);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hypLength * 31 + refLength) * 31
                + Arrays.hashCode(matches) * 17
                + Arrays.hashCode(totals);
    }

    @Override
    public String toString() {
        return "BleuStatistics(hyp_len="
                + hypLength
                + ", ref_len="
                + refLength
                + ", matches="
                + Arrays.toString(matches)
                + ", totals="
                + Arrays.toString(totals)
                + ")";
    }
}
