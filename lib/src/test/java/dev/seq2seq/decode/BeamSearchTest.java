package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.DecoderType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

class BeamSearchTest {

    private static List<List<Hypothesis>> search(
            Seq2SeqModel model, NDManager manager, Consumer<BeamSearch.Builder> options) {
        BeamSearch.Builder builder = BeamSearch.builder().setModel(model).optMaxLength(1.0, 4);
        options.accept(builder);
        return builder.build()
                .search(SearchFixture.source(manager), SearchFixture.lengths(manager));
    }

    @ParameterizedTest
    @EnumSource(DecoderType.class)
    void beamSizeOneEqualsGreedy(DecoderType decoder) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, decoder, 9);
            List<Hypothesis> greedy =
                    new GreedySearch(model, 1.0, 4)
                            .best(SearchFixture.source(manager), SearchFixture.lengths(manager));
            List<List<Hypothesis>> beam = search(model, manager, b -> b.optBeamSize(1));
            for (int i = 0; i < greedy.size(); i++) {
                Hypothesis g = greedy.get(i);
                Hypothesis h = beam.get(i).get(0);
                assertEquals(1, beam.get(i).size());
                assertArrayEquals(g.tokens(), h.tokens(), "sentence " + i);
                // beam search drops the rows of finished sentences, and a matrix product over
                // fewer rows may round the last bit differently
                assertArrayEquals(g.tokenLogProbs(), h.tokenLogProbs(), 1e-5f, "sentence " + i);
                assertEquals(g.score(), h.score(), 1e-5, "sentence " + i);
                assertEquals(g.finished(), h.finished(), "sentence " + i);
            }
        }
    }

    @Test
    void batchedSearchEqualsOneSentenceAtATime() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.LUONG, 9);
            BeamSearch beam =
                    BeamSearch.builder()
                            .setModel(model)
                            .optBeamSize(3)
                            .optNBest(3)
                            .optLengthPenalty(0.6)
                            .optCoveragePenalty(0.2)
                            .optMaxLength(1.0, 4)
                            .build();
            List<List<Hypothesis>> batched =
                    beam.search(SearchFixture.source(manager), SearchFixture.lengths(manager));
            for (int i = 0; i < batched.size(); i++) {
                List<Hypothesis> alone =
                        beam.search(
                                        SearchFixture.sourceOf(manager, i),
                                        SearchFixture.lengthOf(manager, i))
                                .get(0);
                assertEquals(alone.size(), batched.get(i).size());
                for (int n = 0; n < alone.size(); n++) {
                    Hypothesis a = alone.get(n);
                    Hypothesis b = batched.get(i).get(n);
                    assertArrayEquals(a.tokens(), b.tokens(), "sentence " + i + ", rank " + n);
                    assertEquals(a.score(), b.score(), 1e-4);
                    assertEquals(a.finished(), b.finished());
                }
            }
        }
    }

    @Test
    void transformerBeamSearchGathersItsCachedStatesLikeTheRecurrentOnes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.transformer(manager, 9);
            List<Hypothesis> greedy =
                    new GreedySearch(model, 1.0, 4)
                            .best(SearchFixture.source(manager), SearchFixture.lengths(manager));
            List<List<Hypothesis>> one = search(model, manager, b -> b.optBeamSize(1));
            for (int i = 0; i < greedy.size(); i++) {
                assertArrayEquals(greedy.get(i).tokens(), one.get(i).get(0).tokens());
                assertEquals(greedy.get(i).score(), one.get(i).get(0).score(), 1e-5);
            }
            BeamSearch beam =
                    BeamSearch.builder()
                            .setModel(model)
                            .optBeamSize(3)
                            .optNBest(3)
                            .optMaxLength(1.0, 4)
                            .build();
            List<List<Hypothesis>> batched =
                    beam.search(SearchFixture.source(manager), SearchFixture.lengths(manager));
            for (int i = 0; i < batched.size(); i++) {
                List<Hypothesis> alone =
                        beam.search(
                                        SearchFixture.sourceOf(manager, i),
                                        SearchFixture.lengthOf(manager, i))
                                .get(0);
                assertEquals(alone.size(), batched.get(i).size());
                for (int n = 0; n < alone.size(); n++) {
                    assertArrayEquals(alone.get(n).tokens(), batched.get(i).get(n).tokens());
                    assertEquals(alone.get(n).score(), batched.get(i).get(n).score(), 1e-4);
                    for (float[] row : batched.get(i).get(n).attention()) {
                        assertEquals(SearchFixture.LENGTHS[i], row.length);
                        assertEquals(1.0, sum(row), 1e-4);
                    }
                }
            }
        }
    }

    /** A complete output of the brute-force enumeration. */
    private record Sequence(List<Integer> tokens, double logProb, boolean finished) {}

    /** Enumerates every output of at most {@code limit} tokens, ending in eos or cut. */
    private static void enumerate(
            Seq2SeqModel model,
            ParameterStore ps,
            NDManager manager,
            DecoderState state,
            long previous,
            List<Integer> prefix,
            double logProb,
            int limit,
            List<Sequence> out) {
        DecoderStep step = model.step(ps, manager.create(new long[] {previous}), state, false);
        float[] logProbs = step.logits().logSoftmax(1).toFloatArray(); // (1·V)
        for (int y = 0; y < logProbs.length; y++) {
            double score = logProb + logProbs[y];
            List<Integer> tokens = new ArrayList<>(prefix);
            if (y == Vocabulary.EOS_ID) {
                out.add(new Sequence(tokens, score, true));
                continue;
            }
            tokens.add(y);
            if (tokens.size() >= limit) {
                out.add(new Sequence(tokens, score, false));
            } else {
                enumerate(model, ps, manager, step.state(), y, tokens, score, limit, out);
            }
        }
    }

    @Test
    void beamOfSizeVSquaredFindsTheExactNBestOfAllSequencesUpToLengthThreeAndBeatsGreedy() {
        try (NDManager manager = NDManager.newBaseManager()) {
            int v = 5;
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, v);
            List<List<Hypothesis>> beam =
                    BeamSearch.builder()
                            .setModel(model)
                            .optBeamSize(v * v)
                            .optNBest(5)
                            .optMaxLength(0, 3)
                            .build()
                            .search(SearchFixture.source(manager), SearchFixture.lengths(manager));
            List<Hypothesis> greedy =
                    new GreedySearch(model, 0, 3)
                            .best(SearchFixture.source(manager), SearchFixture.lengths(manager));
            ParameterStore ps = new ParameterStore(manager, false);
            for (int i = 0; i < beam.size(); i++) {
                assertTrue(beam.get(i).get(0).score() >= greedy.get(i).score() - 1e-6);
                DecoderState state =
                        model.encode(
                                ps,
                                SearchFixture.sourceOf(manager, i),
                                SearchFixture.lengthOf(manager, i),
                                false);
                List<Sequence> all = new ArrayList<>();
                enumerate(model, ps, manager, state, Vocabulary.BOS_ID, List.of(), 0, 3, all);
                assertEquals(
                        1 + (v - 1) + (v - 1) * (v - 1) + (v - 1) * (v - 1) * (v - 1), all.size());
                all.sort(Comparator.comparingDouble(Sequence::logProb).reversed());
                assertEquals(5, beam.get(i).size());
                for (int n = 0; n < 5; n++) {
                    Sequence expected = all.get(n);
                    Hypothesis actual = beam.get(i).get(n);
                    assertEquals(expected.tokens(), toList(actual.tokens()), "rank " + n);
                    assertEquals(expected.finished(), actual.finished());
                    assertEquals(expected.logProb(), actual.score(), 1e-4);
                }
            }
        }
    }

    private static List<Integer> toList(int[] tokens) {
        return Arrays.stream(tokens).boxed().toList();
    }

    private static double sum(float[] values) {
        double sum = 0;
        for (float x : values) {
            sum += x;
        }
        return sum;
    }

    @Test
    void nBestListsAreSortedDistinctAndScoredByTheLengthAndCoveragePenalties() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 9);
            double alpha = 0.7;
            double beta = 0.3;
            List<List<Hypothesis>> gnmt =
                    search(
                            model,
                            manager,
                            b ->
                                    b.optBeamSize(4)
                                            .optNBest(3)
                                            .optLengthPenalty(alpha)
                                            .optCoveragePenalty(beta));
            List<List<Hypothesis>> average =
                    search(
                            model,
                            manager,
                            b -> b.optBeamSize(4).optNBest(3).optLengthNormalization(true));
            for (List<Hypothesis> nBest : gnmt) {
                checkSortedAndDistinct(nBest, 3);
                for (Hypothesis h : nBest) {
                    int t = h.tokenLogProbs().length;
                    assertEquals(h.length() + (h.finished() ? 1 : 0), t);
                    double coverage = 0;
                    for (int j = 0; j < h.attention()[0].length; j++) {
                        double column = 0;
                        for (float[] row : h.attention()) {
                            column += row[j];
                        }
                        coverage += Math.log(Math.min(column, 1.0));
                    }
                    double expected =
                            sum(h.tokenLogProbs()) / Math.pow((5.0 + t) / 6.0, alpha)
                                    + beta * coverage;
                    assertEquals(expected, h.score(), 1e-5);
                }
            }
            for (List<Hypothesis> nBest : average) {
                checkSortedAndDistinct(nBest, 3);
                for (Hypothesis h : nBest) {
                    double expected = sum(h.tokenLogProbs()) / h.tokenLogProbs().length;
                    assertEquals(expected, h.score(), 1e-5);
                }
            }
        }
    }

    private static void checkSortedAndDistinct(List<Hypothesis> nBest, int n) {
        assertTrue(!nBest.isEmpty() && nBest.size() <= n, "size " + nBest.size());
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < nBest.size(); r++) {
            Hypothesis h = nBest.get(r);
            assertTrue(seen.add(Arrays.toString(h.tokens()) + h.finished()), "duplicate");
            if (r > 0) {
                assertTrue(nBest.get(r - 1).score() >= h.score(), "not sorted at rank " + r);
            }
        }
    }

    @Test
    void lengthPenaltyChoosesHypothesesAtLeastAsLongOnAverage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // A random model spreads its probability evenly, so raw scores favour stopping at once.
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.LUONG, 8);
            Consumer<BeamSearch.Builder> options = b -> b.optBeamSize(4).optMaxLength(2, 5);
            double raw = meanLength(search(model, manager, options));
            double penalised =
                    meanLength(search(model, manager, options.andThen(b -> b.optLengthPenalty(2))));
            assertTrue(penalised >= raw, penalised + " < " + raw);
            assertTrue(penalised > raw, "this fixture should show the effect, both " + raw);
        }
    }

    private static double meanLength(List<List<Hypothesis>> nBest) {
        return nBest.stream().mapToInt(l -> l.get(0).tokenLogProbs().length).average().orElse(0);
    }

    @ParameterizedTest
    @EnumSource(
            value = DecoderType.class,
            names = {"BAHDANAU", "LUONG"})
    void attentionRowsSumToOneOverValidSourcePositions(DecoderType decoder) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, decoder, 9);
            List<List<Hypothesis>> nBest =
                    search(model, manager, b -> b.optBeamSize(3).optNBest(3));
            for (int i = 0; i < nBest.size(); i++) {
                for (Hypothesis h : nBest.get(i)) {
                    assertNotNull(h.attention());
                    assertEquals(h.tokenLogProbs().length, h.attention().length);
                    for (float[] row : h.attention()) {
                        assertEquals(SearchFixture.LENGTHS[i], row.length);
                        assertEquals(1.0, sum(row), 1e-4);
                    }
                }
            }
        }
    }

    @Test
    void modelWithoutAttentionHasNoAttentionAndIgnoresTheCoveragePenalty() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.PLAIN, 9);
            List<List<Hypothesis>> plain = search(model, manager, b -> b.optBeamSize(3));
            List<List<Hypothesis>> covered =
                    search(model, manager, b -> b.optBeamSize(3).optCoveragePenalty(1.0));
            for (int i = 0; i < plain.size(); i++) {
                assertNull(plain.get(i).get(0).attention());
                assertArrayEquals(plain.get(i).get(0).tokens(), covered.get(i).get(0).tokens());
                assertEquals(plain.get(i).get(0).score(), covered.get(i).get(0).score());
            }
        }
    }

    @Test
    void bestIsTheFirstOfEachNBestList() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.LUONG, 9);
            BeamSearch beam =
                    BeamSearch.builder()
                            .setModel(model)
                            .optBeamSize(3)
                            .optNBest(3)
                            .optMaxLength(1.0, 4)
                            .build();
            List<List<Hypothesis>> nBest =
                    beam.search(SearchFixture.source(manager), SearchFixture.lengths(manager));
            List<Hypothesis> best =
                    beam.best(SearchFixture.source(manager), SearchFixture.lengths(manager));
            assertEquals(nBest.size(), best.size());
            for (int i = 0; i < best.size(); i++) {
                assertTrue(nBest.get(i).size() > 1, "sentence " + i + " has an n-best list");
                assertArrayEquals(nBest.get(i).get(0).tokens(), best.get(i).tokens());
                assertEquals(nBest.get(i).get(0).score(), best.get(i).score());
            }
        }
    }

    @Test
    void badOptionsAreRejectedNamingTheValue() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.PLAIN, 9);
            assertMessage("model", BeamSearch.builder());
            assertMessage("beam size K", BeamSearch.builder().setModel(model).optBeamSize(0));
            assertMessage("n-best N", BeamSearch.builder().setModel(model).optNBest(5));
            assertMessage("alpha", BeamSearch.builder().setModel(model).optLengthPenalty(-0.1));
            assertMessage("beta", BeamSearch.builder().setModel(model).optCoveragePenalty(-1));
            assertMessage(
                    "either length normalisation",
                    BeamSearch.builder()
                            .setModel(model)
                            .optLengthPenalty(0.6)
                            .optLengthNormalization(true));
            assertMessage("a >= 0", BeamSearch.builder().setModel(model).optMaxLength(-1, 3));
            BeamSearch beam = BeamSearch.builder().setModel(model).build();
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            beam.search(
                                    SearchFixture.source(manager), manager.create(new long[] {2})));
        }
    }

    private static void assertMessage(String expected, BeamSearch.Builder builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
