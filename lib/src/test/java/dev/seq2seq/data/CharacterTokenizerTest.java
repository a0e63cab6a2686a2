package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class CharacterTokenizerTest {

    @Test
    void aWordBecomesItsLettersAndWhiteSpaceIsDropped() {
        SentenceTokenizer characters = SentenceTokenizer.characters();
        assertEquals(List.of("t", "h", "r", "o", "u", "g", "h"), characters.tokenize("through"));
        assertEquals(List.of("d", "o", "n", "'", "t"), characters.tokenize("Don’t"));
        assertEquals(List.of("a", "b"), characters.tokenize(" a b "));
        assertEquals(List.of(), characters.tokenize(""));
    }

    @Test
    void everyThreadGetsAWorkingCopy() throws Exception {
        SentenceTokenizer characters = SentenceTokenizer.characters();
        List<String> other = new java.util.ArrayList<>();
        Thread t = new Thread(() -> other.addAll(characters.tokenize("cough")));
        t.start();
        t.join();
        assertEquals(List.of("c", "o", "u", "g", "h"), other);
    }
}
