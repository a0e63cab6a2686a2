package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class VocabularyTest {

    private static final List<List<String>> DATA =
            List.of(
                    List.of("je", "t'", "aime", "."),
                    List.of("je", "suis", "là", "."),
                    List.of("je"));

    private final Vocabulary vocabulary = Vocabulary.builder().addAll(DATA).build();

    @Test
    void tokensAreEveryTokenReservedOnesIncluded() {
        Vocabulary v = Vocabulary.builder().add(List.of("a", "b", "a")).optMinFrequency(2).build();
        assertEquals(java.util.Set.of("<pad>", "<unk>", "<bos>", "<eos>", "a"), v.tokens());
        assertThrows(UnsupportedOperationException.class, () -> v.tokens().add("b"));
    }

    @Test
    void reservedTokensHaveFixedIds() {
        assertEquals(Vocabulary.PAD_ID, vocabulary.id(Vocabulary.PAD));
        assertEquals(Vocabulary.UNK_ID, vocabulary.id(Vocabulary.UNK));
        assertEquals(Vocabulary.BOS_ID, vocabulary.id(Vocabulary.BOS));
        assertEquals(Vocabulary.EOS_ID, vocabulary.id(Vocabulary.EOS));
        assertEquals(
                List.of(0, 1, 2, 3),
                List.of(0, 1, 2, 3).stream().map(i -> vocabulary.id(vocabulary.token(i))).toList());
    }

    @Test
    void encodeThenDecodeRoundTrips() {
        for (List<String> sentence : DATA) {
            assertEquals(sentence, vocabulary.decode(vocabulary.encode(sentence)));
            assertEquals(sentence, vocabulary.toTokens(vocabulary.encode(sentence)));
        }
    }

    @Test
    void unknownTokensEncodeToUnk() {
        int[] ids = vocabulary.encode(List.of("je", "chante"));
        assertArrayEquals(new int[] {vocabulary.id("je"), Vocabulary.UNK_ID}, ids);
        assertEquals(List.of("je", Vocabulary.UNK), vocabulary.decode(ids));
    }

    @Test
    void decodeStopsAtEosAndSkipsPadAndBos() {
        int je = vocabulary.id("je");
        int[] output = {Vocabulary.BOS_ID, je, Vocabulary.EOS_ID, je, Vocabulary.PAD_ID};
        assertEquals(List.of("je"), vocabulary.decode(output));
        assertEquals(5, vocabulary.toTokens(output).size());
    }

    @Test
    void idsOutsideTheVocabularyAreRejected() {
        IndexOutOfBoundsException e =
                assertThrows(
                        IndexOutOfBoundsException.class, () -> vocabulary.token(vocabulary.size()));
        assertEquals("token id 10 is outside the vocabulary 0..9", e.getMessage());
    }

    @Test
    void coverageCountsKnownRunningTokens() {
        assertEquals(1.0, vocabulary.coverage(DATA));
        assertEquals(0.5, vocabulary.coverage(List.of(List.of("je", "chante"))));
    }

    @Test
    void tokenCountsAreTheFrequenciesInIdOrder() {
        assertEquals(3, vocabulary.tokenCounts()[0]);
        assertEquals(2, vocabulary.tokenCounts()[1]);
        assertEquals(vocabulary.size() - 4, vocabulary.tokenCounts().length);
    }
}
