package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class DetokenizerTest {

    private static String roundTrip(Language language, String sentence) {
        List<String> tokens = SentenceTokenizer.of(language).tokenize(sentence);
        return new Detokenizer(language).detokenize(tokens);
    }

    @Test
    void rejoinsFrenchElisionsInversionsAndSpacing() {
        assertEquals("je t'aime.", roundTrip(Language.FRENCH, "Je t'aime."));
        assertEquals("est-ce que tu viens ?", roundTrip(Language.FRENCH, "Est-ce que tu viens ?"));
        assertEquals("va-t-il pleuvoir ?", roundTrip(Language.FRENCH, "Va-t-il pleuvoir ?"));
        assertEquals("« bonjour », dit-il.", roundTrip(Language.FRENCH, "« Bonjour », dit-il."));
    }

    @Test
    void aSubwordDetokenizerRejoinsUnitsFirst() {
        List<String> units = List.of("je", "t'", "ai@@", "me", "bea@@", "u@@", "coup", ".");
        assertEquals(
                "je t'aime beaucoup.", new Detokenizer(Language.FRENCH, true).detokenize(units));
        assertEquals(
                "je t'ai@@ me bea@@ u@@ coup.", new Detokenizer(Language.FRENCH).detokenize(units));
    }

    @Test
    void aTruecasingDetokenizerRestoresCaseAfterRejoiningUnits() {
        Truecaser truecaser =
                Truecaser.learn(
                        Language.FRENCH,
                        List.of(List.of("Je", "vois", "Tom", "."), List.of("C'est", "Tom", ".")));
        Detokenizer detokenizer = new Detokenizer(Language.FRENCH, true, truecaser);
        assertEquals(
                "J'ai vu Tom. Il est là.",
                detokenizer.detokenize(
                        List.of("j'", "ai", "vu", "to@@", "m", ".", "il", "est", "là", ".")));
    }

    @Test
    void rejoinsEnglishCliticsAndPunctuation() {
        assertEquals(
                "i don't know, tom's dog.",
                roundTrip(Language.ENGLISH, "I don't know, Tom's dog."));
        assertEquals(
                "he said \"hi\" (twice).", roundTrip(Language.ENGLISH, "He said \"hi\" (twice)."));
    }

    @Test
    void roundTripsAlmostTheWholeCorpus() {
        TextNormalizer englishChars =
                TextNormalizer.builder()
                        .setLanguage(Language.ENGLISH)
                        .optSplitPunctuation(false)
                        .build();
        TextNormalizer frenchChars =
                TextNormalizer.builder()
                        .setLanguage(Language.FRENCH)
                        .optSplitPunctuation(false)
                        .build();
        ParallelCorpus corpus = TsvCorpusReader.readDefault(Path.of("../datasets/eng-fra.tsv"));
        int englishSame = 0;
        int frenchSame = 0;
        for (SentencePair pair : corpus.pairs()) {
            if (roundTrip(Language.ENGLISH, pair.source())
                    .equals(englishChars.normalize(pair.source()))) {
                englishSame++;
            }
            String french =
                    frenchChars.normalize(pair.target()).replaceAll("(\\S)([!?;:])", "$1 $2");
            if (roundTrip(Language.FRENCH, pair.target()).equals(french)) {
                frenchSame++;
            }
        }
        double n = corpus.size();
        assertTrue(englishSame / n > 0.99, "English round trips: " + englishSame / n);
        assertTrue(frenchSame / n > 0.99, "French round trips: " + frenchSame / n);
    }
}
