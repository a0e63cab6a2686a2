package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

/**
 * What keeps greedy search, sampling and beam search from drifting apart: one loop for greedy
 * search and sampling, the same shape checks and the same default maximum length for all three.
 */
class StepwiseSearchTest {

    /** The three searches with their default settings (sampling made deterministic by top-k 1). */
    private static List<Search> searches(Seq2SeqModel model) {
        GreedySearch greedy = new GreedySearch(model);
        Sampler sampler = Sampler.builder().setModel(model).setSeed(1).optTopK(1).build();
        BeamSearch beam = BeamSearch.builder().setModel(model).build();
        return List.of(greedy, sampler, beam);
    }

    private static String message(Executable search) {
        return assertThrows(IllegalArgumentException.class, search).getMessage();
    }

    @Test
    void everySearchRejectsTheSameBadShapesWithTheSameMessage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.PLAIN, 9);
            NDArray flatSource = manager.create(new long[] {5, 6, 3});
            NDArray oneLength = manager.create(new long[] {3});
            NDArray source = SearchFixture.source(manager); // (4, 5)
            NDArray matrixLengths = manager.create(new long[] {5, 3, 2, 4}, new Shape(4, 1));
            List<String> flat = new ArrayList<>();
            List<String> wrongBatch = new ArrayList<>();
            List<String> wrongRank = new ArrayList<>();
            for (Search search : searches(model)) {
                flat.add(message(() -> search.search(flatSource, oneLength)));
                wrongBatch.add(message(() -> search.search(source, oneLength)));
                wrongRank.add(message(() -> search.search(source, matrixLengths)));
            }
            assertEquals("source: expected (B, S) = (?, ?), got (3)", flat.get(0));
            assertEquals("sourceLengths: expected (B) = (4), got (1)", wrongBatch.get(0));
            assertEquals("sourceLengths: expected (B) = (4), got (4, 1)", wrongRank.get(0));
            for (List<String> messages : List.of(flat, wrongBatch, wrongRank)) {
                assertEquals(1, messages.stream().distinct().count(), messages.toString());
            }
        }
    }

    @Test
    void everySearchDefaultsToTheSameMaximumLength() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // with V = 60 an untrained model rarely says <eos>: every sentence hits the limit
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 60);
            NDArray source = SearchFixture.source(manager);
            NDArray lengths = SearchFixture.lengths(manager);
            List<Hypothesis> greedy = new GreedySearch(model).best(source, lengths);
            List<Hypothesis> sampled =
                    Sampler.builder()
                            .setModel(model)
                            .setSeed(1)
                            .optTopK(1)
                            .build()
                            .best(source, lengths);
            List<List<Hypothesis>> beam =
                    BeamSearch.builder()
                            .setModel(model)
                            .optBeamSize(1)
                            .build()
                            .search(source, lengths);
            for (int i = 0; i < greedy.size(); i++) {
                int limit = MaxLength.DEFAULT.of(SearchFixture.LENGTHS[i]);
                assertFalse(greedy.get(i).finished(), "sentence " + i + " must hit the limit");
                assertEquals(limit, greedy.get(i).length(), "greedy, sentence " + i);
                assertEquals(limit, sampled.get(i).length(), "sampling, sentence " + i);
                assertEquals(limit, beam.get(i).get(0).length(), "beam, sentence " + i);
                assertArrayEquals(greedy.get(i).tokens(), sampled.get(i).tokens());
                assertArrayEquals(greedy.get(i).tokenLogProbs(), sampled.get(i).tokenLogProbs());
            }
        }
    }

    @Test
    void greedySearchIsTheLoopWithTheArgMaxPolicy() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.LUONG, 9);
            NDArray source = SearchFixture.source(manager);
            NDArray lengths = SearchFixture.lengths(manager);
            List<Hypothesis> greedy = new GreedySearch(model, 1.0, 4).best(source, lengths);
            List<Integer> firstChoices = new ArrayList<>();
            TokenChooser recording =
                    (step, row, t) -> {
                        int y = TokenChooser.argMax().choose(step, row, t);
                        if (firstChoices.size() < SearchFixture.LENGTHS.length) {
                            firstChoices.add(y);
                        }
                        return y;
                    };
            List<Hypothesis> loop =
                    new StepwiseSearch(model, new MaxLength(1.0, 4), recording)
                            .search(source, lengths);
            for (int i = 0; i < greedy.size(); i++) {
                assertArrayEquals(greedy.get(i).tokens(), loop.get(i).tokens());
                assertArrayEquals(greedy.get(i).tokenLogProbs(), loop.get(i).tokenLogProbs());
                assertArrayEquals(greedy.get(i).attention(), loop.get(i).attention());
                int first = greedy.get(i).length() > 0 ? greedy.get(i).tokens()[0] : 3;
                assertEquals(first, firstChoices.get(i), "the first step asks rows in order");
            }
        }
    }

    @Test
    void aPolicyThatAlwaysSaysEosGivesEmptyFinishedHypotheses() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 9);
            List<Hypothesis> out =
                    new StepwiseSearch(model, MaxLength.DEFAULT, (step, row, t) -> 3)
                            .search(SearchFixture.source(manager), SearchFixture.lengths(manager));
            for (int i = 0; i < out.size(); i++) {
                Hypothesis h = out.get(i);
                assertTrue(h.finished());
                assertEquals(0, h.length());
                assertEquals(1, h.tokenLogProbs().length);
                assertEquals(h.tokenLogProbs()[0], h.score(), 0);
                assertEquals(SearchFixture.LENGTHS[i], h.attention()[0].length);
            }
        }
    }

    @Test
    void aFinishedSentenceLeavesTheBatchAndTheOthersContinueAsIfAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 9);
            MaxLength limit = new MaxLength(1.0, 1); // |x| + 1: 5, 3, 2, 4 tokens
            List<Integer> rowsPerStep = new ArrayList<>();
            TokenChooser neverEos =
                    (step, row, t) -> {
                        if (row == 0) {
                            rowsPerStep.add(step.logProbs().length / step.candidates());
                        }
                        return 4;
                    };
            List<Hypothesis> batched =
                    new StepwiseSearch(model, limit, neverEos)
                            .search(SearchFixture.source(manager), SearchFixture.lengths(manager));
            List<Integer> expectedRows = new ArrayList<>();
            for (int t = 0; t < limit.of(SearchFixture.LENGTHS[0]); t++) {
                int unfinished = 0;
                for (long length : SearchFixture.LENGTHS) {
                    unfinished += limit.of(length) > t ? 1 : 0;
                }
                expectedRows.add(unfinished);
            }
            assertEquals(List.of(4, 4, 3, 2, 1), expectedRows);
            assertEquals(expectedRows, rowsPerStep, "rows decoded at each step");
            for (int i = 0; i < batched.size(); i++) {
                List<Hypothesis> alone =
                        new StepwiseSearch(model, limit, (step, row, t) -> 4)
                                .search(
                                        SearchFixture.sourceOf(manager, i),
                                        SearchFixture.lengthOf(manager, i));
                assertEquals(limit.of(SearchFixture.LENGTHS[i]), batched.get(i).length());
                assertArrayEquals(
                        alone.get(0).tokenLogProbs(),
                        batched.get(i).tokenLogProbs(),
                        1e-5f,
                        "sentence " + i);
                int last = batched.get(i).length() - 1;
                assertArrayEquals(
                        alone.get(0).attention()[last], batched.get(i).attention()[last], 1e-5f);
            }
        }
    }
}
