package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paired bootstrap resampling (Koehn 2004, "Statistical Significance Tests for Machine Translation
 * Evaluation"), computed as sacreBLEU's {@code --paired-bs} computes it:
 *
 * <ol>
 *   <li>draw n resamples of the N test sentences with replacement (the same resamples for both
 *       systems: the test is paired);
 *   <li>score both systems on every resample from the summed sentence statistics;
 *   <li>the system's mean and 95% interval: the resample scores sorted, the half-width {@code (s[n
 *       - 1 - n/40] - s[n/40]) / 2} around their mean;
 *   <li>the p-value of the observed difference d = |system − baseline| (on the whole set): with the
 *       resample differences {@code e_i = |sys_i − base_i|} centred on their mean, {@code p = (#{i
 *       : e_i − mean(e) > d} + 1) / (n + 1)}.
 * </ol>
 *
 * <p>The resamples come from {@link SplittableRandom} with the given seed (sacreBLEU uses numpy's
 * generator with seed 12345, so the exact resamples, and the last digits, differ; the procedure is
 * the same). As in sacreBLEU, a system compared with itself gets the smallest p-value, 1/(n + 1):
 * the test asks whether a difference this large is likely by chance, and there is no difference.
 */
public final class PairedBootstrap {

    /** sacreBLEU's default number of resamples. */
    public static final int DEFAULT_SAMPLES = 1000;

    /** sacreBLEU's default seed. */
    public static final long DEFAULT_SEED = 12345;

    private final int samples;
    private final long seed;

    private PairedBootstrap(Builder builder) {
        this.samples = builder.samples;
        this.seed = builder.seed;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder: 1,000 resamples, seed 12345
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A score with its bootstrap mean and 95% interval half-width.
     *
     * @param score the score on the whole test set (0-100)
     * @param mean the mean over the resamples
     * @param ci the half-width of the 95% interval around the mean
     */
    public record Estimate(double score, double mean, double ci) {}

    /**
     * What the test found.
     *
     * @param metric the metric's name
     * @param baseline the baseline's estimate
     * @param system the system's estimate
     * @param pValue the probability of a difference at least this large by chance
     * @param samples n, the number of resamples
     */
    public record Result(
            String metric, Estimate baseline, Estimate system, double pValue, int samples) {

        /**
         * Formats the system's line as sacreBLEU does: {@code 31.0 (31.0 ± 0.9) (p = 0.0020)*}, the
         * star for p &lt; 0.05.
         *
         * @return the line
         */
        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%s: baseline %.1f (%.1f ± %.1f), system %.1f (%.1f ± %.1f) (p = %.4f)%s",
                    metric,
                    baseline.score(),
                    baseline.mean(),
                    baseline.ci(),
                    system.score(),
                    system.mean(),
                    system.ci(),
                    pValue,
                    pValue < 0.05 ? "*" : "");
        }
    }

    /**
     * Draws the resamples: n rows of N sentence indices, uniform with replacement.
     *
     * @param sentences N
     * @return the indices (n, N)
     * @throws IllegalArgumentException if N &lt; 1
     */
    public int[][] resamples(int sentences) {
        Preconditions.checkArgument(sentences >= 1, "need at least one sentence, got " + sentences);
        SplittableRandom random = new SplittableRandom(seed);
        int[][] indices = new int[samples][sentences];
        for (int[] row : indices) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextInt(sentences);
            }
        }
        return indices;
    }

    /**
     * Compares two models' test-set evaluations in case-insensitive BLEU and chrF, with the
     * settings of {@link TestSetEvaluation#bleu} and {@link TestSetEvaluation#chrf}.
     *
     * @param baseline the baseline model's evaluation
     * @param system the other model's, on the same test set
     * @return the BLEU result, then the chrF result
     * @throws IllegalArgumentException if the two were scored against different references
     */
    public List<Result> compare(TestSetEvaluation baseline, TestSetEvaluation system) {
        if (!baseline.references().equals(system.references())) {
            throw new IllegalArgumentException(
                    "the two evaluations must share their test set (their references differ)");
        }
        Bleu bleu = TestSetEvaluation.CASE_INSENSITIVE_BLEU;
        Chrf chrf = Chrf.builder().build();
        List<List<String>> references = TestSetEvaluation.lowerAll(baseline.references());
        return List.of(
                compare(
                        SentenceStatistics.bleu(bleu, baseline.hypotheses(), baseline.references()),
                        SentenceStatistics.bleu(bleu, system.hypotheses(), system.references())),
                compare(
                        SentenceStatistics.chrf(
                                chrf, TestSetEvaluation.lower(baseline.hypotheses()), references),
                        SentenceStatistics.chrf(
                                chrf, TestSetEvaluation.lower(system.hypotheses()), references)));
    }

    /**
     * Compares a system with a baseline on the same test sentences.
     *
     * @param baseline the baseline's sentence statistics
     * @param system the system's, for the same sentences in the same order
     * @return the estimates and the p-value
     * @throws IllegalArgumentException if the two cover different numbers of sentences or none
     */
    public Result compare(SentenceStatistics baseline, SentenceStatistics system) {
        Preconditions.checkArgument(
                baseline.size() == system.size(),
                String.format(
                        "baseline and system must score the same sentences: %d vs %d",
                        baseline.size(), system.size()));
        int[][] indices = resamples(baseline.size());
        double[] base = new double[samples];
        double[] sys = new double[samples];
        double[] differences = new double[samples];
        for (int i = 0; i < samples; i++) {
            base[i] = baseline.score(indices[i]);
            sys[i] = system.score(indices[i]);
            differences[i] = Math.abs(sys[i] - base[i]);
        }
        double observed = Math.abs(system.corpusScore() - baseline.corpusScore());
        double meanDifference = Arrays.stream(differences).average().orElse(0);
        long larger = Arrays.stream(differences).filter(e -> e - meanDifference > observed).count();
        return new Result(
                system.name(),
                estimate(baseline.corpusScore(), base),
                estimate(system.corpusScore(), sys),
                (larger + 1.0) / (samples + 1.0),
                samples);
    }

    /**
     * Estimates one system's score with a 95% interval from the same resamples as {@link #compare}:
     * the mean of the resample scores and half the central 95% range.
     *
     * @param statistics the system's sentence statistics
     * @return the estimate
     * @throws IllegalArgumentException if there is no sentence
     */
    public Estimate interval(SentenceStatistics statistics) {
        int[][] indices = resamples(statistics.size());
        double[] scores = new double[samples];
        for (int i = 0; i < samples; i++) {
            scores[i] = statistics.score(indices[i]);
        }
        return estimate(statistics.corpusScore(), scores);
    }

    /**
     * sacreBLEU's {@code estimate_ci}: the mean of the resample scores and half the distance
     * between the (n/40)-th smallest and the (n/40)-th largest.
     *
     * @param score the score on the whole set
     * @param resampleScores the scores of the resamples
     * @return the estimate
     */
    static Estimate estimate(double score, double[] resampleScores) {
        double[] sorted = resampleScores.clone();
        Arrays.sort(sorted);
        int lower = sorted.length / 40;
        int upper = sorted.length - lower - 1;
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        return new Estimate(score, mean, 0.5 * (sorted[upper] - sorted[lower]));
    }

    /** Builds a {@link PairedBootstrap}. */
    public static final class Builder {
        private int samples = DEFAULT_SAMPLES;
        private long seed = DEFAULT_SEED;

        private Builder() {}

        /**
         * Sets the number of resamples n.
         *
         * @param samples n ≥ 1 (sacreBLEU: 1,000)
         * @return this builder
         */
        public Builder optSamples(int samples) {
            this.samples = samples;
            return this;
        }

        /**
         * Sets the seed of the resamples.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the test.
         *
         * @return the test
         * @throws IllegalArgumentException if n &lt; 1
         */
        public PairedBootstrap build() {
            Preconditions.checkArgument(samples >= 1, "optSamples needs n >= 1, got " + samples);
            return new PairedBootstrap(this);
        }
    }
}
