package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;

import dev.seq2seq.data.Detokenizer;
import dev.seq2seq.data.Language;
import dev.seq2seq.data.SentenceTokenizer;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.data.Vocabulary;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** {@link Translator} around a fake {@link Search} that reverses each sentence (no model). */
class TranslatorTest {

    private static final Vocabulary WORDS =
            Vocabulary.builder()
                    .addAll(List.of(List.of("a", "b", "c", "d", "e", "f")))
                    .optMinFrequency(1)
                    .build();

    private static final List<String> SENTENCES =
            List.of("a b c d", "e", "f a", "b c d e f", "", "c b");

    /**
     * Returns two hypotheses per sentence: its words reversed (score -1), then as they came (score
     * -2); records the batch sizes it was called with.
     */
    private static final class Reverse implements Search {
        final List<Long> batchSizes = new ArrayList<>();
        final List<long[]> lengths = new ArrayList<>();

        @Override
        public List<List<Hypothesis>> search(NDArray source, NDArray sourceLengths) {
            long[] valid = sourceLengths.toLongArray();
            batchSizes.add((long) valid.length);
            lengths.add(valid);
            List<List<Hypothesis>> out = new ArrayList<>();
            for (int i = 0; i < valid.length; i++) {
                long[] row = source.get(i).toLongArray();
                int n = (int) valid[i] - 1; // without <eos>
                int[] reversed = new int[n];
                int[] same = new int[n];
                for (int t = 0; t < n; t++) {
                    reversed[t] = (int) row[n - 1 - t];
                    same[t] = (int) row[t];
                }
                out.add(
                        List.of(
                                new Hypothesis(reversed, -1, new float[n + 1], null, true),
                                new Hypothesis(same, -2, new float[n + 1], null, true)));
            }
            return out;
        }
    }

    private static Translator translator(Search search, int batchSize) {
        return Translator.builder()
                .setSearch(search)
                .setSource(SentenceTokenizer.whitespace(), WORDS)
                .setTarget(WORDS, new Detokenizer(Language.ENGLISH))
                .optBatchSize(batchSize)
                .build();
    }

    private static String reversed(String sentence) {
        List<String> words = new ArrayList<>(SentenceTokenizer.whitespace().tokenize(sentence));
        java.util.Collections.reverse(words);
        return String.join(" ", words);
    }

    @Test
    void translationsComeBackInInputOrderWhateverTheBatchSize() {
        for (int batchSize : new int[] {1, 2, 4, 64}) {
            List<Translation> out = translator(new Reverse(), batchSize).translate(SENTENCES);
            assertEquals(SENTENCES.size(), out.size());
            for (int i = 0; i < SENTENCES.size(); i++) {
                Translation t = out.get(i);
                assertEquals(SENTENCES.get(i), t.source(), "B = " + batchSize);
                assertEquals(reversed(SENTENCES.get(i)), t.text(), "B = " + batchSize);
                List<String> seen =
                        new ArrayList<>(SentenceTokenizer.whitespace().tokenize(t.source()));
                seen.add(Vocabulary.EOS);
                assertEquals(seen, t.sourceTokens());
            }
        }
    }

    @Test
    void theSearchSeesBatchesOfAtMostBSentencesOfSimilarLength() {
        Reverse search = new Reverse();
        translator(search, 4).translate(SENTENCES);
        assertEquals(List.of(4L, 2L), search.batchSizes);
        long longestOfFirst = 0;
        for (long length : search.lengths.get(0)) {
            longestOfFirst = Math.max(longestOfFirst, length);
        }
        for (long length : search.lengths.get(1)) {
            assertTrue(length >= longestOfFirst, "batches are sorted by source length");
        }
    }

    @Test
    void nBestKeepsEveryHypothesisInTheSearchsOrder() {
        List<List<Translation>> lists = translator(new Reverse(), 64).translateNBest(SENTENCES);
        for (int i = 0; i < SENTENCES.size(); i++) {
            assertEquals(2, lists.get(i).size());
            assertEquals(reversed(SENTENCES.get(i)), lists.get(i).get(0).text());
            assertEquals(SENTENCES.get(i).strip(), lists.get(i).get(1).text());
            assertEquals(-2, lists.get(i).get(1).hypothesis().score());
        }
    }

    @Test
    void builderNamesWhatIsMissingOrWrong() {
        assertMessage("search", Translator.builder());
        assertMessage("source", Translator.builder().setSearch(new Reverse()));
        assertMessage(
                "target",
                Translator.builder()
                        .setSearch(new Reverse())
                        .setSource(SentenceTokenizer.whitespace(), WORDS));
        assertMessage(
                "batchSize",
                Translator.builder()
                        .setSearch(new Reverse())
                        .setSource(SentenceTokenizer.whitespace(), WORDS)
                        .setTarget(WORDS, new Detokenizer(Language.ENGLISH))
                        .optBatchSize(0));
    }

    private static void assertMessage(String expected, Translator.Builder builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void translatorsFromPreparedDataWriteCasedTextLikeTheReferences() {
        TranslationData data =
                TranslationData.builder()
                        .setFile(java.nio.file.Path.of("../datasets/eng-fra.tsv"))
                        .optMaxPairs(3000)
                        .build();
        List<String> tokens = data.targetTokenizer().tokenize("Je t'aime.");
        int[] ids = data.targetVocabulary().encode(tokens);
        for (int id : ids) {
            assertTrue(id != Vocabulary.UNK_ID, tokens.toString());
        }
        Search fixed =
                (source, lengths) -> {
                    List<List<Hypothesis>> out = new ArrayList<>();
                    for (int i = 0; i < lengths.getShape().get(0); i++) {
                        out.add(
                                List.of(
                                        new Hypothesis(
                                                ids, -1, new float[ids.length + 1], null, true)));
                    }
                    return out;
                };
        Translation t =
                Translator.builder()
                        .setSearch(fixed)
                        .setData(data)
                        .build()
                        .translate(List.of("I love you."))
                        .get(0);
        assertEquals("je t'aime.", data.detokenizer().detokenize(t.tokens()));
        assertEquals("Je t'aime.", t.text());
    }
}
