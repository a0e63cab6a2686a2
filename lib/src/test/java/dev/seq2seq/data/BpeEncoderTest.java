package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

class BpeEncoderTest {

    private static BpeCodes codes(String... merges) {
        return new BpeCodes(
                java.util.Arrays.stream(merges)
                        .map(m -> new BpeCodes.Merge(m.split(" ")[0], m.split(" ")[1]))
                        .toList(),
                BpeCodes.EndOfWord.ATTACHED);
    }

    @Test
    void segmentsSubwordNmtsTestCorpusExactlyAsSubwordNmtDoes() {
        BpeEncoder encoder = new BpeEncoder(BpeCodes.load(SubwordNmtData.codesFile()));
        List<List<String>> corpus = SubwordNmtData.corpus();
        List<List<String>> expected = SubwordNmtData.segmented();
        assertEquals(expected.size(), corpus.size());
        for (int i = 0; i < corpus.size(); i++) {
            assertEquals(expected.get(i), encoder.encode(corpus.get(i)), "line " + (i + 1));
        }
    }

    @Test
    void decodeGivesBackTheWords() {
        BpeEncoder encoder = new BpeEncoder(BpeCodes.load(SubwordNmtData.codesFile()));
        for (List<String> sentence : SubwordNmtData.corpus()) {
            assertEquals(sentence, BpeEncoder.decode(encoder.encode(sentence)));
        }
    }

    @Test
    void appliesTheLowestRankFirst() {
        BpeEncoder encoder = new BpeEncoder(codes("l o", "e r</w>", "lo w", "low er</w>"));
        assertEquals(List.of("lower"), encoder.encode(List.of("lower")));
        assertEquals(List.of("low@@", "e@@", "s@@", "t"), encoder.encode(List.of("lowest")));
        // word-final symbols differ from inner ones: 'o</w>' and 'r' are not 'o' and 'r</w>'
        assertEquals(List.of("l@@", "o"), encoder.encode(List.of("lo")));
        assertEquals(List.of("low@@", "e@@", "r@@", "s"), encoder.encode(List.of("lowers")));
    }

    @Test
    void mergesEveryOccurrenceLeftToRightWithoutOverlap() {
        BpeEncoder encoder = new BpeEncoder(codes("a a"));
        assertEquals(List.of("aa@@", "aa@@", "a"), encoder.encode(List.of("aaaaa")));
    }

    @Test
    void unseenCharactersFallBackToSingleCharacters() {
        BpeEncoder encoder = new BpeEncoder(BpeCodes.load(SubwordNmtData.codesFile()));
        List<String> units = encoder.encode(List.of("ψχω", "日本"));
        assertEquals(List.of("ψ@@", "χ@@", "ω", "日@@", "本"), units);
        assertEquals(List.of("ψχω", "日本"), BpeEncoder.decode(units));
        assertEquals(2, BpeEncoder.wordCount(units));
    }

    @Test
    void charactersAreTheFinestSplitWithMarkersForEitherEndOfWordStyle() {
        BpeEncoder attached = new BpeEncoder(codes("l o", "lo w</w>"));
        assertEquals(List.of("low"), attached.encode(List.of("low")));
        assertEquals(List.of("l@@", "o@@", "w", "a"), attached.characters(List.of("low", "a")));
        BpeEncoder separate =
                new BpeEncoder(
                        new BpeCodes(
                                List.of(new BpeCodes.Merge("l", "o")),
                                BpeCodes.EndOfWord.SEPARATE));
        assertEquals(List.of("l@@", "o"), separate.characters(List.of("lo")));
    }

    @Test
    void separateEndOfWordMarkerIsNeverOutput() {
        BpeCodes codes =
                new BpeCodes(
                        List.of(new BpeCodes.Merge("l", "o"), new BpeCodes.Merge("lo", "</w>")),
                        BpeCodes.EndOfWord.SEPARATE);
        BpeEncoder encoder = new BpeEncoder(codes);
        assertEquals(List.of("lo"), encoder.encode(List.of("lo")));
        assertEquals(List.of("lo@@", "w"), encoder.encode(List.of("low")));
    }

    @Test
    void unitsOutsideTheVocabularyAreSplitBackIntoTheirMergesHalves() {
        BpeCodes codes = codes("l o", "lo w</w>", "e r</w>");
        assertEquals(List.of("low"), new BpeEncoder(codes).encode(List.of("low")));
        assertEquals(
                List.of("low"),
                new BpeEncoder(codes, Set.of("low", "lo@@", "w")).encode(List.of("low")));
        assertEquals(
                List.of("lo@@", "w"),
                new BpeEncoder(codes, Set.of("lo@@", "w")).encode(List.of("low")));
        // recursively, down to characters, which are kept even when unknown
        assertEquals(
                List.of("l@@", "o@@", "w"),
                new BpeEncoder(codes, Set.of("w")).encode(List.of("low")));
        assertEquals(
                List.of("l@@", "o@@", "e@@", "r"),
                new BpeEncoder(codes, Set.of()).encode(List.of("loer")));
        BpeCodes separate = new BpeCodes(codes.merges(), BpeCodes.EndOfWord.SEPARATE);
        assertThrows(IllegalArgumentException.class, () -> new BpeEncoder(separate, Set.of()));
    }

    @Test
    void decodeDropsADanglingContinuation() {
        assertEquals(List.of("bon", "jour"), BpeEncoder.decode(List.of("bon", "jo@@", "ur@@")));
        assertEquals(List.of(), BpeEncoder.decode(List.of()));
    }

    @Test
    void dropoutVariesTheSplitButNeverTheWords() {
        BpeEncoder encoder = new BpeEncoder(BpeCodes.load(SubwordNmtData.codesFile()));
        List<String> sentence = SubwordNmtData.corpus().get(0);
        List<String> deterministic = encoder.encode(sentence);
        assertEquals(deterministic, encoder.encode(sentence, 0.0, new Random(1)));
        Random random = new Random(7);
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<String> units = encoder.encode(sentence, 0.1, random);
            assertEquals(sentence, BpeEncoder.decode(units));
            seen.add(units);
        }
        assertTrue(seen.size() > 5, "20 dropout encodings gave " + seen.size() + " splits");
        // dropout only splits further: never fewer units than the deterministic encoding
        for (List<String> units : seen) {
            assertTrue(units.size() >= deterministic.size());
        }
        assertNotEquals(deterministic.size(), encoder.encode(sentence, 0.99, random).size());
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(sentence, 1.0, random));
    }
}
