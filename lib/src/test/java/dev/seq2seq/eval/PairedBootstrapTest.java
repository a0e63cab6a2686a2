package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.decode.Translation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

class PairedBootstrapTest {

    /** A toy metric: 100 · (sum of row[0]) / (sum of row[1]), an accuracy in percent. */
    private static SentenceStatistics accuracy(int[] correct) {
        List<long[]> rows = new ArrayList<>();
        for (int c : correct) {
            rows.add(new long[] {c, 1});
        }
        return new SentenceStatistics("accuracy", rows, s -> 100.0 * s[0] / s[1]);
    }

    @Test
    void estimateIsTheMeanAndHalfTheCentral95PercentRange() {
        double[] scores = new double[1000];
        Arrays.setAll(scores, i -> (i * 7919) % 1000); // 0..999 in another order
        PairedBootstrap.Estimate e = PairedBootstrap.estimate(42, scores);
        assertEquals(42, e.score());
        assertEquals(499.5, e.mean(), 1e-12);
        assertEquals(0.5 * (974 - 25), e.ci(), 1e-12); // indices n/40 = 25 and n - 25 - 1 = 974
    }

    @Test
    void resamplesAreRepeatableUniformDrawsWithReplacement() {
        PairedBootstrap test = PairedBootstrap.builder().optSamples(2000).optSeed(7).build();
        int[][] a = test.resamples(5);
        assertEquals(2000, a.length);
        assertArrayEquals(a[17], test.resamples(5)[17]);
        assertFalse(
                Arrays.equals(
                        a[17],
                        PairedBootstrap.builder()
                                .optSamples(2000)
                                .optSeed(8)
                                .build()
                                .resamples(5)[17]));
        int[] counts = new int[5];
        boolean repeats = false;
        for (int[] row : a) {
            assertEquals(5, row.length);
            repeats |= Arrays.stream(row).distinct().count() < 5;
            for (int i : row) {
                counts[i]++;
            }
        }
        assertTrue(repeats, "drawn with replacement");
        for (int c : counts) {
            assertEquals(2000, c, 150, "each index about 1/5 of 10,000 draws");
        }
    }

    @Test
    void pValueFollowsTheDefinitionOnTheSameResamples() {
        Random random = new Random(3);
        int[] base = new int[60];
        int[] sys = new int[60];
        for (int i = 0; i < 60; i++) {
            base[i] = random.nextInt(2);
            sys[i] = random.nextDouble() < 0.6 ? 1 : base[i];
        }
        PairedBootstrap test = PairedBootstrap.builder().optSamples(500).optSeed(11).build();
        PairedBootstrap.Result r = test.compare(accuracy(base), accuracy(sys));
        // the definition, recomputed here from the same resamples
        int[][] idx = test.resamples(60);
        double[] e = new double[500];
        double[] s = new double[500];
        for (int k = 0; k < 500; k++) {
            double b = 0;
            double y = 0;
            for (int i : idx[k]) {
                b += base[i];
                y += sys[i];
            }
            s[k] = 100 * y / 60;
            e[k] = Math.abs(100 * y / 60 - 100 * b / 60);
        }
        double observed =
                Math.abs(
                        100.0 * Arrays.stream(sys).sum() / 60
                                - 100.0 * Arrays.stream(base).sum() / 60);
        double mean = Arrays.stream(e).average().orElseThrow();
        long c = Arrays.stream(e).filter(x -> x - mean > observed).count();
        assertEquals((c + 1.0) / 501, r.pValue(), 1e-12);
        assertEquals(Arrays.stream(s).average().orElseThrow(), r.system().mean(), 1e-9);
        assertEquals(100.0 * Arrays.stream(sys).sum() / 60, r.system().score(), 1e-12);
        assertEquals(500, r.samples());
    }

    @Test
    void aSystemComparedWithItselfGetsSacrebleusSmallestPValue() {
        SentenceStatistics a = accuracy(new int[] {1, 0, 1, 1, 0, 1, 0, 0, 1, 1});
        PairedBootstrap.Result r = PairedBootstrap.builder().build().compare(a, a);
        assertEquals(1.0 / 1001, r.pValue(), 1e-12);
        assertEquals(r.baseline(), r.system());
    }

    @Test
    void aClearlyBetterSystemIsSignificantAndAOneSentenceChangeIsNot() {
        Bleu bleu = Bleu.builder().build();
        List<String> refs = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> almost = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String ref = "sentence number " + i + " has a few words in it .";
            refs.add(ref);
            worse.add(i % 2 == 0 ? ref : "sentence " + i + " words .");
            almost.add(i == 0 ? "sentence " + i + " words ." : ref);
        }
        List<List<String>> references = refs.stream().map(List::of).toList();
        SentenceStatistics baseline = SentenceStatistics.bleu(bleu, worse, references);
        PairedBootstrap test = PairedBootstrap.builder().build();
        PairedBootstrap.Result better =
                test.compare(baseline, SentenceStatistics.bleu(bleu, refs, references));
        assertTrue(better.pValue() < 0.01, better.toString());
        assertTrue(better.toString().endsWith(")*"), better.toString());
        assertEquals(100.0, better.system().score(), 1e-9);
        PairedBootstrap.Result tiny =
                test.compare(
                        SentenceStatistics.bleu(bleu, almost, references),
                        SentenceStatistics.bleu(bleu, refs, references));
        assertTrue(tiny.pValue() > 0.05, tiny.toString());
        PairedBootstrap.Estimate e = better.baseline();
        assertTrue(e.ci() > 0 && Math.abs(e.mean() - e.score()) < e.ci(), e.toString());
    }

    private static TestSetEvaluation evaluation(List<String> hypotheses, List<List<String>> refs) {
        List<Translation> translations =
                hypotheses.stream()
                        .map(h -> new Translation(h, List.of(), List.of(), h, null))
                        .toList();
        return new TestSetEvaluation(
                translations,
                refs,
                TestSetEvaluation.CASE_INSENSITIVE_BLEU.corpusScore(hypotheses, refs),
                Chrf.builder().build().corpusScore(hypotheses, refs),
                Bleu.builder().build().corpusScore(hypotheses, refs));
    }

    @Test
    void twoEvaluationsAreComparedInBleuThenChrf() {
        List<List<String>> refs = new ArrayList<>();
        List<String> good = new ArrayList<>();
        List<String> poor = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String ref = "the cat number " + i + " sleeps on the mat .";
            refs.add(List.of(ref));
            good.add(ref);
            poor.add("a dog " + i + " sleeps .");
        }
        TestSetEvaluation baseline = evaluation(poor, refs);
        TestSetEvaluation system = evaluation(good, refs);
        List<PairedBootstrap.Result> results =
                PairedBootstrap.builder().build().compare(baseline, system);
        assertEquals(
                List.of("BLEU", "chrF2"),
                results.stream().map(PairedBootstrap.Result::metric).toList());
        assertEquals(baseline.bleu().score(), results.get(0).baseline().score(), 1e-9);
        assertEquals(system.chrf().score(), results.get(1).system().score(), 1e-9);
        assertTrue(results.get(0).pValue() < 0.01);
        List<List<String>> other = refs.stream().map(r -> List.of("x")).toList();
        assertThrows(
                IllegalArgumentException.class,
                () -> PairedBootstrap.builder().build().compare(baseline, evaluation(good, other)));
    }

    @Test
    void differentSentenceCountsAndBadSettingsAreRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PairedBootstrap.builder()
                                        .build()
                                        .compare(
                                                accuracy(new int[] {1, 0}),
                                                accuracy(new int[] {1})));
        assertEquals("baseline and system must score the same sentences: 2 vs 1", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> PairedBootstrap.builder().optSamples(0).build());
    }
}
