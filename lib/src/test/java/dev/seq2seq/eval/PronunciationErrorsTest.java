package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

class PronunciationErrorsTest {

    private static List<String> p(String phonemes) {
        return phonemes.isEmpty() ? List.of() : Arrays.asList(phonemes.split(" "));
    }

    @Test
    void editDistanceCountsSubstitutionsInsertionsAndDeletions() {
        assertEquals(3, PronunciationErrors.editDistance(p("k i t t e n"), p("s i t t i n g")));
        assertEquals(0, PronunciationErrors.editDistance(p("K AE T"), p("K AE T")));
        assertEquals(2, PronunciationErrors.editDistance(p(""), p("AH B")));
        assertEquals(2, PronunciationErrors.editDistance(p("AH B"), p("")));
        assertEquals(1, PronunciationErrors.editDistance(p("TH R UW"), p("TH R UW Z")));
        assertEquals(2, PronunciationErrors.editDistance(p("AA B"), p("B AA")));
    }

    @Test
    void anAlignmentPairsPhonemesAlongAShortestEditPath() {
        List<String[]> pairs = PronunciationErrors.align(p("B AA K S"), p("B AA K S"));
        assertEquals(4, pairs.size());
        pairs = PronunciationErrors.align(p("N IH T"), p("N AY T")); // knight as "nit"
        assertEquals("N N|AY IH|T T", joined(pairs));
        pairs = PronunciationErrors.align(p("K N AY T"), p("N AY T")); // a k that is not silent
        assertEquals("- K|N N|AY AY|T T", joined(pairs));
        pairs = PronunciationErrors.align(p("B AA K"), p("B AA K S"));
        assertEquals("B B|AA AA|K K|S -", joined(pairs));
        long edits =
                PronunciationErrors.align(p("k i t t e n"), p("s i t t i n g")).stream()
                        .filter(a -> !a[0].equals(a[1]))
                        .count();
        assertEquals(3, edits, "as many non-matching pairs as the edit distance");
    }

    private static String joined(List<String[]> pairs) {
        return String.join("|", pairs.stream().map(a -> a[0] + " " + a[1]).toList());
    }

    @Test
    void aWordIsRightWhenItMatchesAnyPronunciation() {
        PronunciationErrors.Word either =
                PronunciationErrors.word(p("IY TH ER"), List.of(p("AY DH ER"), p("IY TH ER")));
        assertTrue(either.correct());
        assertEquals(1, either.closest());
        PronunciationErrors.Word near =
                PronunciationErrors.word(p("K EH T"), List.of(p("K AE T S"), p("K AE T")));
        assertFalse(near.correct());
        assertEquals(
                new PronunciationErrors.Word(1, 3, 1),
                near,
                "1 edit to the second, 2 to the first");
        PronunciationErrors.Word tie =
                PronunciationErrors.word(p("AH B"), List.of(p("AH K"), p("D B")));
        assertEquals(new PronunciationErrors.Word(1, 2, 0), tie, "a tie goes to the first");
        assertThrows(
                IllegalArgumentException.class, () -> PronunciationErrors.word(p("A"), List.of()));
    }

    @Test
    void corpusRatesSumEditsOverTheClosestPronunciationsLengths() {
        List<List<String>> outputs = List.of(p("K AE T"), p("D AO G"), p("M AW S"));
        List<List<List<String>>> references =
                List.of(
                        List.of(p("K AE T")), // right
                        List.of(p("D AA G"), p("D AO G Z")), // 1 edit to either: the first, 3 long
                        List.of(p("M AW S IH Z"))); // 2 edits, 5 long
        PronunciationScore score = PronunciationErrors.score(outputs, references);
        assertEquals(new PronunciationScore(3, 2, 3, 11), score);
        assertEquals(200.0 / 3, score.wer(), 1e-12);
        assertEquals(300.0 / 11, score.per(), 1e-12);
        assertEquals(
                "WER 66.67% (2 of 3 words), PER 27.27% (3 edits in 11 phonemes)", score.toString());
        List<PronunciationErrors.Word> words = PronunciationErrors.words(outputs, references);
        assertEquals(score.wer(), SentenceStatistics.wordErrorRate(words).corpusScore(), 1e-12);
        assertEquals(score.per(), SentenceStatistics.phonemeErrorRate(words).corpusScore(), 1e-12);
        assertThrows(
                IllegalArgumentException.class,
                () -> PronunciationErrors.score(outputs, references.subList(0, 2)));
    }

    @Test
    void theBootstrapComparesTwoSystemsWordByWord() {
        List<List<List<String>>> references =
                java.util.Collections.nCopies(50, List.of(p("K AE T")));
        List<List<String>> right = java.util.Collections.nCopies(50, p("K AE T"));
        List<List<String>> wrong = new java.util.ArrayList<>(right);
        for (int i = 0; i < 25; i++) {
            wrong.set(i, p("K AH T"));
        }
        PairedBootstrap.Result result =
                PairedBootstrap.builder()
                        .build()
                        .compare(
                                SentenceStatistics.wordErrorRate(
                                        PronunciationErrors.words(right, references)),
                                SentenceStatistics.wordErrorRate(
                                        PronunciationErrors.words(wrong, references)));
        assertEquals(0, result.baseline().score());
        assertEquals(50, result.system().score());
        assertTrue(
                result.pValue() < 0.01, "half the words wrong is no luck: p = " + result.pValue());
    }
}
