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

    private static final double[] UNIFORM = {0.2, 0.2, 0.2, 0.2, 0.2};

    @Test
    void tiesGoToTheLowerTokenIdThenTheLowerBeamIndex() {
        Beam beam = new Beam(2, 1, 3, 10, BeamScoring.raw());
        long[] parents = new long[2];
        long[] tokens = new long[2];
        beam.advance(0, rows(UNIFORM, UNIFORM), null, parents, tokens);
        assertArrayEquals(new long[] {0, 0}, parents); // both continue the single root
        assertArrayEquals(new long[] {0, 1}, tokens); // tokens 0 and 1 before 2 and 4
        beam.advance(0, rows(UNIFORM, UNIFORM), null, parents, tokens);
        assertArrayEquals(new long[] {0, 1}, parents); // token 0 of beam 0, then of beam 1
        assertArrayEquals(new long[] {0, 0}, tokens);
        assertFalse(beam.isDone());
    }

    @Test
    void eosRankedWithinTheFirstKFinishesAndTheBeamKeepsKLiveHypotheses() {
        Beam beam = new Beam(2, 2, 3, 10, BeamScoring.raw());
        long[] parents = new long[2];
        long[] tokens = new long[2];
        double[] eosFirst = {0.1, 0.1, 0.2, 0.4, 0.2};
        beam.advance(0, rows(eosFirst, UNIFORM), null, parents, tokens);
        assertArrayEquals(new long[] {2, 4}, tokens); // eos finished, the next two go on
        List<Hypothesis> finished = beam.nBest();
        assertEquals(1, finished.size());
        assertTrue(finished.get(0).finished());
        assertEquals(0, finished.get(0).length());
        assertEquals(Math.log(0.4), finished.get(0).score(), 1e-6);
        assertFalse(beam.isDone()); // N = 2 but only one is kept
    }

    @Test
    void eosRankedBeyondTheFirstKDoesNotFinish() {
        Beam beam = new Beam(2, 1, 3, 10, BeamScoring.raw());
        long[] parents = new long[2];
        long[] tokens = new long[2];
        double[] eosThird = {0.3, 0.3, 0.1, 0.2, 0.1};
        beam.advance(0, rows(eosThird, UNIFORM), null, parents, tokens);
        assertArrayEquals(new long[] {0, 1}, tokens);
        assertTrue(beam.nBest().isEmpty());
    }

    @Test
    void sentenceIsDoneWhenNoLiveHypothesisCanBeatTheKeptOnes() {
        Beam beam = new Beam(2, 1, 3, 10, BeamScoring.raw());
        long[] parents = new long[2];
        long[] tokens = new long[2];
        double[] eosFirst = {0.1, 0.1, 0.2, 0.4, 0.2};
        beam.advance(0, rows(eosFirst, UNIFORM), null, parents, tokens);
        assertTrue(beam.isDone()); // live hypotheses have log 0.2 < log 0.4 already
        beam.advance(0, rows(UNIFORM, UNIFORM), null, parents, tokens);
        assertArrayEquals(new long[] {0, 0}, parents); // a done sentence idles on its first row
        assertArrayEquals(new long[] {0, 0}, tokens); // feeding <pad>
        assertEquals(1, beam.nBest().size());
    }

    @Test
    void maximumLengthFinalisesLiveHypothesesUnfinished() {
        Beam beam = new Beam(2, 2, 3, 1, BeamScoring.raw()); // the second sentence: rows 2, 3
        long[] parents = new long[4];
        long[] tokens = new long[4];
        float[] logProbs = new float[4 * V];
        float[] sentence = rows(new double[] {0.1, 0.5, 0.2, 0.05, 0.15}, UNIFORM);
        System.arraycopy(sentence, 0, logProbs, 2 * V, 2 * V);
        float[] attention = new float[4 * 4]; // S = 4, S_i = 3
        Arrays.fill(attention, 0.25f);
        beam.advance(2, logProbs, attention, parents, tokens);
        assertTrue(beam.isDone());
        List<Hypothesis> cut = beam.nBest();
        assertEquals(2, cut.size());
        assertArrayEquals(new int[] {1}, cut.get(0).tokens());
        assertArrayEquals(new int[] {2}, cut.get(1).tokens());
        assertFalse(cut.get(0).finished());
        assertEquals(3, cut.get(0).attention()[0].length);
        assertArrayEquals(new long[] {0, 0, 2, 2}, parents);
    }
}
