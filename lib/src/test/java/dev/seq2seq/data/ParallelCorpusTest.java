package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class ParallelCorpusTest {

    private static ParallelCorpus corpus(int n) {
        List<SentencePair> pairs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            pairs.add(new SentencePair("s" + (i % 7), "t" + i, i));
        }
        return new ParallelCorpus("test", "", pairs);
    }

    @Test
    void sampleIsSeededSizedAndInFileOrder() {
        ParallelCorpus corpus = corpus(1000);
        ParallelCorpus a = corpus.sample(100, 1);
        assertEquals(100, a.size());
        assertEquals(a.pairs(), corpus.sample(100, 1).pairs());
        assertNotEquals(a.pairs(), corpus.sample(100, 2).pairs());
        for (int i = 1; i < a.size(); i++) {
            assertTrue(a.pairs().get(i - 1).line() < a.pairs().get(i).line());
        }
        assertTrue(a.pairs().get(a.size() - 1).line() > 500, "a sample spans the whole file");
    }

    @Test
    void sampleLargerThanCorpusIsTheCorpus() {
        ParallelCorpus corpus = corpus(10);
        assertSame(corpus, corpus.sample(10, 1));
    }

    @Test
    void distinctSourcesCountsEachSourceOnce() {
        assertEquals(7, corpus(100).distinctSources().size());
    }
}
