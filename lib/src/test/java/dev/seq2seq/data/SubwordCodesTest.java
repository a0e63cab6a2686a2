package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class SubwordCodesTest {

    private static final Path CORPUS = Path.of("../datasets/eng-fra.tsv");
    private static TranslationData words;
    private static TranslationData subwords;

    @BeforeAll
    static void prepare() {
        words = TranslationData.builder().setFile(CORPUS).build();
        subwords = TranslationData.builder().setFile(CORPUS).optBpe(4000).build();
    }

    @Test
    void encodeThenDecodeIsTheIdentityOnEverySentenceOfTheCorpus() {
        SentenceTokenizer source = subwords.sourceTokenizer();
        SentenceTokenizer target = subwords.targetTokenizer();
        int units = 0;
        int wordCount = 0;
        for (SentencePair pair : subwords.corpus().pairs()) {
            List<String> s = source.words(pair.source());
            List<String> t = target.words(pair.target());
            List<String> su = source.tokenize(pair.source());
            List<String> tu = target.tokenize(pair.target());
            assertEquals(s, BpeEncoder.decode(su), pair.source());
            assertEquals(t, BpeEncoder.decode(tu), pair.target());
            units += su.size() + tu.size();
            wordCount += s.size() + t.size();
        }
        // 4,000 merges on this corpus: most words stay whole, rare ones are split
        double unitsPerWord = (double) units / wordCount;
        assertTrue(unitsPerWord > 1.01 && unitsPerWord < 1.3, "units per word " + unitsPerWord);
    }

    @Test
    void subwordDataKeepsTheSamePairsAndRemovesUnknownTargetWords() {
        assertEquals(words.train().size(), subwords.train().size());
        assertEquals(words.test().size(), subwords.test().size());
        assertEquals(words.split().test(), subwords.split().test());
        assertEquals(4000, subwords.subwords().source().size());
        assertSame(subwords.subwords().source(), subwords.subwords().target());
        assertTrue(subwords.subwords().joint());
        // every training unit is in the vocabulary, so a test target has <unk> only for a
        // character never seen in training; word vocabularies miss many test words
        long wordUnknowns = unknowns(words.test(), Vocabulary.UNK_ID);
        long subwordUnknowns = unknowns(subwords.test(), Vocabulary.UNK_ID);
        assertTrue(wordUnknowns > 100, "word-level <unk> in test targets: " + wordUnknowns);
        assertTrue(subwordUnknowns < wordUnknowns / 20, "subword <unk>: " + subwordUnknowns);
        for (SentencePair pair : subwords.split().test()) {
            for (String unit : subwords.targetTokenizer().tokenize(pair.target())) {
                if (subwords.targetVocabulary().id(unit) == Vocabulary.UNK_ID) {
                    String symbol = unit.replace(BpeEncoder.CONTINUATION, "");
                    assertEquals(1, symbol.codePointCount(0, symbol.length()), unit);
                }
            }
        }
        assertEquals(null, words.subwords());
    }

    private static long unknowns(Seq2SeqDataset dataset, int unk) {
        return dataset.pairs().stream()
                .flatMapToInt(p -> java.util.Arrays.stream(p.target()))
                .filter(id -> id == unk)
                .count();
    }

    @Test
    void separateCodesAreLearnedPerSide() {
        TranslationData separate =
                TranslationData.builder()
                        .setFile(CORPUS)
                        .optMaxPairs(3000)
                        .optBpe(300)
                        .optBpeSeparate(true)
                        .build();
        SubwordCodes codes = separate.subwords();
        assertNotEquals(codes.source(), codes.target());
        assertTrue(!codes.joint());
        assertTrue(separate.settings().bpeSeparate());
        // French merges are learned from French words only: 'è' never occurs in English
        assertTrue(codes.target().merges().stream().anyMatch(m -> m.merged().contains("è")));
        assertTrue(codes.source().merges().stream().noneMatch(m -> m.merged().contains("è")));
    }

    @Test
    void vocabulariesAreCheckedAgainstTheCodes() {
        SubwordCodes codes = subwords.subwords();
        codes.checkVocabularies(subwords.sourceVocabulary(), subwords.targetVocabulary());
        BpeCodes fewer =
                new BpeCodes(codes.source().merges().subList(0, 100), codes.source().endOfWord());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new SubwordCodes(fewer, fewer)
                                        .checkVocabularies(
                                                subwords.sourceVocabulary(),
                                                subwords.targetVocabulary()));
        assertTrue(e.getMessage().contains("source vocabulary's unit"), e.getMessage());
        assertTrue(e.getMessage().contains("100 merges"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> SubwordCodes.learn(List.of(), null, null, DataSettings.defaults()));
    }
}
