package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class CorpusStatisticsTest {

    @Test
    void countsTokensTypesAndLengths() {
        List<SentencePair> pairs =
                List.of(
                        new SentencePair("a b", "x", 1),
                        new SentencePair("a b", "x y", 2),
                        new SentencePair("c", "z z z", 3));
        SentenceTokenizer ws = SentenceTokenizer.whitespace();
        CorpusStatistics stats = CorpusStatistics.of(pairs, ws, ws);
        assertEquals(new CorpusStatistics(3, 2, 5, 6, 3, 3, 2, 3), stats);
        assertEquals(5 / 3.0, stats.meanSourceLength(), 1e-12);
        assertEquals(2.0, stats.meanTargetLength(), 1e-12);
    }
}
