package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;

import org.junit.jupiter.api.Test;

import java.util.List;

class SearchSpecTest {

    @Test
    void greedyIsBeamOneWithoutPenaltiesAndNothingElse() {
        assertTrue(SearchSpec.GREEDY.isGreedy());
        assertTrue(SearchSpec.beam(1).isGreedy());
        assertFalse(SearchSpec.beam(2).isGreedy());
        assertFalse(new SearchSpec(1, 0.6, 0, 1).isGreedy(), "a length penalty needs the beam");
        assertFalse(new SearchSpec(1, 0, 0.2, 1).isGreedy(), "so does a coverage penalty");
    }

    @Test
    void theSearchBuiltIsTheOneDescribed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 9);
            assertInstanceOf(GreedySearch.class, SearchSpec.GREEDY.search(model));
            SearchSpec spec = new SearchSpec(3, 0.6, 0.2, 2);
            List<List<Hypothesis>> built =
                    spec.search(model)
                            .search(SearchFixture.source(manager), SearchFixture.lengths(manager));
            List<List<Hypothesis>> direct =
                    BeamSearch.builder()
                            .setModel(model)
                            .optBeamSize(3)
                            .optNBest(2)
                            .optLengthPenalty(0.6)
                            .optCoveragePenalty(0.2)
                            .build()
                            .search(SearchFixture.source(manager), SearchFixture.lengths(manager));
            assertEquals(direct.size(), built.size());
            for (int i = 0; i < direct.size(); i++) {
                assertEquals(2, built.get(i).size(), "n-best 2 for sentence " + i);
                for (int n = 0; n < 2; n++) {
                    assertArrayEquals(direct.get(i).get(n).tokens(), built.get(i).get(n).tokens());
                    assertEquals(direct.get(i).get(n).score(), built.get(i).get(n).score());
                }
            }
        }
    }

    @Test
    void eachValueOutOfRangeIsNamed() {
        String[][] cases = {
            {"0", "0", "0", "1", "beam must be >= 1, got 0"},
            {"2", "-1", "0", "1", "alpha must be a number >= 0, got -1.0"},
            {"2", "NaN", "0", "1", "alpha must be a number >= 0, got NaN"},
            {"2", "0", "Infinity", "1", "coverage must be a number >= 0, got Infinity"},
            {"2", "0", "0", "3", "nbest must be between 1 and beam (2), got 3"},
            {"2", "0", "0", "0", "nbest must be between 1 and beam (2), got 0"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    new SearchSpec(
                                            Integer.parseInt(c[0]),
                                            Double.parseDouble(c[1]),
                                            Double.parseDouble(c[2]),
                                            Integer.parseInt(c[3])));
            assertEquals(c[4], e.getMessage());
        }
    }
}
