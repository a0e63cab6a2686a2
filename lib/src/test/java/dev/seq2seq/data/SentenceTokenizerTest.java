package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class SentenceTokenizerTest {

    @Test
    void corpusTokenizerNormalizesThenSplits() {
        assertEquals(
                List.of("je", "t'", "aime", "."),
                SentenceTokenizer.of(Language.FRENCH).tokenize("Je t’aime."));
        assertEquals(
                List.of("i", "love", "you", "."),
                SentenceTokenizer.of(Language.ENGLISH).tokenize("I love you."));
    }

    @Test
    void whitespaceTokenizerKeepsTokensAsTheyAre() {
        assertEquals(
                List.of("Je", "t'aime."), SentenceTokenizer.whitespace().tokenize(" Je  t'aime. "));
        assertEquals(List.of(), SentenceTokenizer.whitespace().tokenize("   "));
    }

    @Test
    void breakIteratorTokenizerSplitsPunctuationButNotElisions() {
        List<String> tokens =
                SentenceTokenizer.breakIterator(Language.FRENCH).tokenize("C'est l'heure !");
        assertEquals(List.of("c'est", "l'heure", "!"), tokens);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        SentenceTokenizer tokenizer = SentenceTokenizer.of(Language.ENGLISH);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results =
                    pool.invokeAll(
                            java.util.Collections.nCopies(
                                    64, () -> tokenizer.tokenize("We'll see, won't we?")));
            for (Future<List<String>> result : results) {
                assertEquals(
                        List.of("we", "'ll", "see", ",", "wo", "n't", "we", "?"), result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void builderNeedsATokenizer() {
        assertThrows(IllegalStateException.class, () -> SentenceTokenizer.builder().build());
    }
}
