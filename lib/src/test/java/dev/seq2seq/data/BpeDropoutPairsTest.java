package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class BpeDropoutPairsTest {

    private static final Path CORPUS = Path.of("../datasets/eng-fra.tsv");
    private static TranslationData plain;
    private static TranslationData dropout;

    @BeforeAll
    static void prepare() {
        TranslationData.Builder builder =
                TranslationData.builder().setFile(CORPUS).optMaxPairs(4000).optBpe(1000);
        plain = builder.build();
        dropout = builder.optBpeDropout(0.1).build();
    }

    @Test
    void anEpochIsReproducibleAndEpochsDiffer() {
        List<EncodedPair> first = dropout.train().pairs(1);
        List<EncodedPair> again = dropout.train().pairs(1);
        List<EncodedPair> second = dropout.train().pairs(2);
        int differing = 0;
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).source(), again.get(i).source());
            assertArrayEquals(first.get(i).target(), again.get(i).target());
            assertEquals(first.get(i).index(), second.get(i).index());
            if (!java.util.Arrays.equals(first.get(i).target(), second.get(i).target())) {
                differing++;
            }
        }
        assertTrue(differing > first.size() / 10, differing + " of " + first.size() + " differ");
    }

    @Test
    void everyEpochSplitsTheSameWordsFinerAndWithoutUnknownUnits() {
        Vocabulary vocabulary = dropout.targetVocabulary();
        long deterministicUnits = units(dropout.train().pairs());
        long droppedUnits = units(dropout.train().pairs(3));
        // 10% of merges skipped: more units, every one of them known (characters included)
        assertTrue(
                droppedUnits > deterministicUnits * 1.05,
                droppedUnits + " units with dropout vs " + deterministicUnits);
        List<EncodedPair> epoch = dropout.train().pairs(3);
        for (int i = 0; i < epoch.size(); i++) {
            EncodedPair pair = epoch.get(i);
            assertEquals(dropout.train().pairs().get(i).index(), pair.index());
            SentencePair text = dropout.split().train().get(pair.index());
            assertEquals(
                    dropout.targetTokenizer().words(text.target()),
                    BpeEncoder.decode(vocabulary.decode(pair.target())),
                    text.target());
            assertEquals(
                    dropout.sourceTokenizer().words(text.source()),
                    BpeEncoder.decode(dropout.sourceVocabulary().decode(pair.source())));
            for (int id : pair.target()) {
                assertTrue(id != Vocabulary.UNK_ID, text.target());
            }
        }
    }

    @Test
    void validationAndTestPairsAreTheDeterministicUnits() {
        assertSame(dropout.valid().pairs(), dropout.valid().pairs(2));
        assertSame(dropout.test().pairs(), dropout.test().pairs(5));
        assertSame(plain.train().pairs(), plain.train().pairs(2));
        for (int i = 0; i < plain.test().size(); i++) {
            assertEquals(
                    plain.targetVocabulary().decode(plain.test().pairs().get(i).target()),
                    dropout.targetVocabulary().decode(dropout.test().pairs().get(i).target()));
        }
        assertEquals(0.1, dropout.settings().bpeDropout());
        assertTrue(dropout.targetVocabulary().size() >= plain.targetVocabulary().size());
    }

    @Test
    void wordTokensAndBadRatesAreRefused() {
        SentenceTokenizer ws = SentenceTokenizer.whitespace();
        Vocabulary v = Vocabulary.builder().add(List.of("a")).build();
        IllegalArgumentException words =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Seq2SeqDataset.builder()
                                        .setPairs(List.of(new SentencePair("a", "a", 1)))
                                        .setTokenizers(ws, ws)
                                        .setVocabularies(v, v)
                                        .optBpeDropout(0.1, 1)
                                        .build());
        assertTrue(words.getMessage().contains("subword"), words.getMessage());
        TranslationData.Builder builder = TranslationData.builder().setFile(CORPUS);
        IllegalArgumentException noMerges =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> builder.optBpe(0).optBpeDropout(0.1).build());
        assertTrue(noMerges.getMessage().contains("word tokens"), noMerges.getMessage());
        IllegalArgumentException one =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> builder.optBpe(100).optBpeDropout(1.0).build());
        assertTrue(one.getMessage().contains("[0, 1)"), one.getMessage());
        assertFalse(one.getMessage().isEmpty());
    }

    private static long units(List<EncodedPair> pairs) {
        long total = 0;
        for (EncodedPair pair : pairs) {
            total += pair.sourceLength() + pair.targetLength();
        }
        return total;
    }
}
