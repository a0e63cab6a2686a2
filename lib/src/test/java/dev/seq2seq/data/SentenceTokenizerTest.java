package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void subwordTokenizerSplitsWordsIntoUnitsAndCountsTheWords() {
        BpeCodes codes =
                new BpeCodes(
                        List.of(
                                new BpeCodes.Merge("c", "h"),
                                new BpeCodes.Merge("ch", "at</w>"),
                                new BpeCodes.Merge("a", "t</w>")),
                        BpeCodes.EndOfWord.ATTACHED);
        SentenceTokenizer tokenizer = SentenceTokenizer.of(Language.FRENCH, codes);
        assertEquals(List.of("le", "chat", "."), tokenizer.words("Le chat."));
        List<String> units = tokenizer.tokenize("Le chat.");
        assertEquals(List.of("l@@", "e", "chat", "."), units);
        assertEquals(3, tokenizer.wordCount(units));
        assertEquals(4, SentenceTokenizer.of(Language.FRENCH).wordCount(units));
        assertEquals(
                SentenceTokenizer.of(Language.FRENCH).tokenize("Le chat."),
                SentenceTokenizer.of(Language.FRENCH, null).tokenize("Le chat."));
        assertTrue(tokenizer.toString().endsWith("BPE(3 merges)"), tokenizer.toString());
    }

    @Test
    void builderNeedsATokenizer() {
        assertThrows(IllegalStateException.class, () -> SentenceTokenizer.builder().build());
    }
}
