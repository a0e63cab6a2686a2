package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class UnitsTest {

    @TempDir Path dir;

    private Path dictionary() throws Exception {
        StringBuilder tsv = new StringBuilder();
        String[][] words = {
            {"though", "DH OW"},
            {"through", "TH R UW"},
            {"tough", "T AH F"},
            {"cough", "K AO F"},
            {"either", "IY DH ER"},
            {"either", "AY DH ER"},
            {"box", "B AA K S"},
            {"knight", "N AY T"}
        };
        for (int copy = 0; copy < 40; copy++) { // enough words for three splits
            for (String[] w : words) {
                tsv.append(w[0])
                        .append(copy == 0 ? "" : "x".repeat(copy))
                        .append('\t')
                        .append(w[1])
                        .append('\n');
            }
        }
        return Files.writeString(dir.resolve("dict.tsv"), tsv.toString());
    }

    @Test
    void characterUnitsSplitWordsIntoLettersAndKeepPhonemesAsTheyAre() throws Exception {
        TranslationData data =
                TranslationData.builder()
                        .setFile(dictionary())
                        .optUnits(Units.CHARACTERS)
                        .optSplit(0.1, 0.1)
                        .build();
        assertEquals(Units.CHARACTERS, data.settings().units());
        assertEquals(
                List.of("k", "n", "i", "g", "h", "t"), data.sourceTokenizer().tokenize("knight"));
        assertEquals(List.of("N", "AY", "T"), data.targetTokenizer().tokenize("N AY T"));
        assertTrue(data.targetVocabulary().tokens().contains("AY"), "phonemes keep their case");
        assertTrue(data.sourceVocabulary().tokens().contains("k"));
        assertNull(data.truecaser());
        assertEquals("TH R UW", data.casedDetokenizer().detokenize(List.of("TH", "R", "UW")));
        for (ReferenceGroup group : data.testReferences()) {
            if (group.source().startsWith("either")) {
                assertEquals(2, group.references().size(), "both pronunciations in one split");
            }
        }
    }

    @Test
    void byteParEncodingIsRefusedForCharacters() throws Exception {
        Path file = dictionary();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TranslationData.builder()
                                        .setFile(file)
                                        .optUnits(Units.CHARACTERS)
                                        .optBpe(100)
                                        .build());
        assertTrue(e.getMessage().contains("character units take none"), e.getMessage());
    }

    @Test
    void settingsWithoutUnitsAreWords() {
        assertEquals(Units.WORDS, DataSettings.defaults().units());
        DataSettings old =
                dev.seq2seq.store.Json.GSON.fromJson(
                        "{\"sourceLanguage\": \"ENGLISH\", \"targetLanguage\": \"FRENCH\"}",
                        DataSettings.class);
        assertEquals(Units.WORDS, old.units());
    }
}
