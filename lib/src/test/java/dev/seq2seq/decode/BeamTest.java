package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

/** {@link Beam} on hand-made log-probabilities: one sentence, K = 2, V = 5, eos = 3. */
class BeamTest {

    private static final int V = 5;

    /** Log-probabilities for K = 2 rows, the given probabilities in each. */
    private static float[] rows(double[] first, double[] second) {
        float[] logProbs = new float[2 * V];
        for (int y = 0; y < V; y++) {
            logProbs[y] = (float) Math.log(first[y]);
            logProbs[V + y] = (float) Math.log(second[y]);
        }
        return logProbs;
    }

    /** One step of K = 2 rows without attention. */
    private static StepOutput step(double[] first, double[] second) {
        return new StepOutput(rows(first, second), V, null, 0);
    }

    private static Beam beam(int nBest, int maxLength) {
        return new Beam(2, nBest, 3, maxLength, BeamScoring.raw());
    }

    private static final double[] UNIFORM = {0.2, 0.2, 0.2, 0.2, 0.2};

    @Test
    void tiesGoToTheLowerTokenIdThenTheLowerBeamIndex() {
        Beam beam = beam(1, 10);
        Beam.Continuation next = beam.advance(0, step(UNIFORM, UNIFORM));
        assertArrayEquals(new long[] {0, 0}, next.parentRows()); // both continue the single root
        assertArrayEquals(new long[] {0, 1}, next.tokens()); // tokens 0 and 1 before 2 and 4
        next = beam.advance(0, step(UNIFORM, UNIFORM));
        assertArrayEquals(new long[] {0, 1}, next.parentRows()); // token 0 of beam 0, then beam 1
        assertArrayEquals(new long[] {0, 0}, next.tokens());
        assertFalse(beam.isDone());
    }

    @Test
    void eosRankedWithinTheFirstKFinishesAndTheBeamKeepsKLiveHypotheses() {
        Beam beam = beam(2, 10);
        double[] eosFirst = {0.1, 0.1, 0.2, 0.4, 0.2};
        Beam.Continuation next = beam.advance(0, step(eosFirst, UNIFORM));
        assertArrayEquals(new long[] {2, 4}, next.tokens()); // eos finished, the next two go on
        List<Hypothesis> finished = beam.nBest();
        assertEquals(1, finished.size());
        assertTrue(finished.get(0).finished());
        assertEquals(0, finished.get(0).length());
        assertEquals(Math.log(0.4), finished.get(0).score(), 1e-6);
        assertFalse(beam.isDone()); // N = 2 but only one is kept
    }

    @Test
    void eosRankedBeyondTheFirstKDoesNotFinish() {
        Beam beam = beam(1, 10);
        double[] eosThird = {0.3, 0.3, 0.1, 0.2, 0.1};
        Beam.Continuation next = beam.advance(0, step(eosThird, UNIFORM));
        assertArrayEquals(new long[] {0, 1}, next.tokens());
        assertTrue(beam.nBest().isEmpty());
    }

    @Test
    void sentenceIsDoneWhenNoLiveHypothesisCanBeatTheKeptOnes() {
        Beam beam = beam(1, 10);
        double[] eosFirst = {0.1, 0.1, 0.2, 0.4, 0.2};
        beam.advance(0, step(eosFirst, UNIFORM));
        assertTrue(beam.isDone()); // live hypotheses have log 0.2 < log 0.4 already
        Beam.Continuation next = beam.advance(0, step(UNIFORM, UNIFORM));
        assertArrayEquals(new long[] {0, 0}, next.parentRows()); // a done sentence idles on row 0
        assertArrayEquals(new long[] {0, 0}, next.tokens()); // feeding <pad>
        assertEquals(1, beam.nBest().size());
    }

    @Test
    void maximumLengthFinalisesLiveHypothesesUnfinished() {
        Beam beam = beam(2, 1); // the second sentence: rows 2, 3
        float[] logProbs = new float[4 * V];
        float[] sentence = rows(new double[] {0.1, 0.5, 0.2, 0.05, 0.15}, UNIFORM);
        System.arraycopy(sentence, 0, logProbs, 2 * V, 2 * V);
        float[] attention = new float[4 * 4]; // S = 4, S_i = 3
        Arrays.fill(attention, 0.25f);
        Beam.Continuation next = beam.advance(2, new StepOutput(logProbs, V, attention, 4));
        assertTrue(beam.isDone());
        List<Hypothesis> cut = beam.nBest();
        assertEquals(2, cut.size());
        assertArrayEquals(new int[] {1}, cut.get(0).tokens());
        assertArrayEquals(new int[] {2}, cut.get(1).tokens());
        assertFalse(cut.get(0).finished());
        assertEquals(3, cut.get(0).attention()[0].length);
        assertArrayEquals(new long[] {2, 2}, next.parentRows()); // rows of the batch, not of K
    }

    /** Each fate as a line: parent index, token, log-probability, status, completion, score. */
    private static List<String> lines(Beam.Continuation c) {
        return c.fates().stream()
                .map(
                        f ->
                                String.format(
                                        "%d: token %d, %.4f, %s%s",
                                        f.parent(),
                                        f.token(),
                                        f.logProbSum(),
                                        f.status(),
                                        f.completion() == null
                                                ? ""
                                                : String.format(
                                                        ", %s %.4f", f.completion(), f.score())))
                .toList();
    }

    @Test
    void eachStepSaysWhatBecameOfEveryContinuationItLookedAt() {
        Beam beam = new Beam(2, 2, 3, 2, BeamScoring.raw());
        double[] eosFirst = {0.1, 0.15, 0.2, 0.4, 0.15};
        // only the root is live: row 0 alone counts, and its best 2K = 4 tokens are looked at
        Beam.Continuation first = beam.advance(0, step(eosFirst, UNIFORM));
        assertEquals(
                List.of(
                        String.format(
                                "0: token 3, %.4f, FINISHED, FINISHED %.4f",
                                Math.log(0.4), Math.log(0.4)),
                        String.format("0: token 2, %.4f, LIVE", Math.log(0.2)),
                        String.format("0: token 1, %.4f, LIVE", Math.log(0.15)),
                        String.format("0: token 4, %.4f, PRUNED", Math.log(0.15))),
                lines(first));
        // the maximum length: both live ones are cut, and scored
        Beam.Continuation second = beam.advance(0, step(UNIFORM, UNIFORM));
        double p2 = Math.log(0.2 * 0.2);
        assertEquals(
                List.of(
                        String.format("0: token 0, %.4f, LIVE, CUT %.4f", p2, p2),
                        String.format("0: token 1, %.4f, LIVE, CUT %.4f", p2, p2),
                        String.format("0: token 2, %.4f, PRUNED", p2),
                        String.format("0: token 3, %.4f, PRUNED", p2)),
                lines(second));
        assertTrue(beam.isDone());
        assertTrue(beam.advance(0, step(UNIFORM, UNIFORM)).fates().isEmpty(), "done: no fates");
    }
}
