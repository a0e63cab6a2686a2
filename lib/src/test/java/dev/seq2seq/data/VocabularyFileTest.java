package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class VocabularyFileTest {

    @TempDir Path dir;

    @Test
    void saveThenLoadGivesAnIdenticalVocabulary() {
        Vocabulary v =
                Vocabulary.builder()
                        .add(List.of("l'", "heure", "est", "-ce", "«", "»", "ça"))
                        .add(List.of("est", "ça"))
                        .build();
        Path file = dir.resolve("vocab.txt");
        v.save(file);
        Vocabulary loaded = Vocabulary.load(file);
        assertEquals(v, loaded);
        for (int id = 0; id < v.size(); id++) {
            assertEquals(v.token(id), loaded.token(id));
            assertEquals(v.count(id), loaded.count(id));
        }
    }

    private DataFileException loadFailure(String text) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, text);
        return assertThrows(DataFileException.class, () -> Vocabulary.load(file));
    }

    @Test
    void malformedFilesNameTheLine() throws IOException {
        String reserved = "<pad>\t0\n<unk>\t0\n<bos>\t0\n<eos>\t0\n";
        assertTrue(
                loadFailure(reserved + "a\t3\na\t2\n")
                        .getMessage()
                        .endsWith(":6: token 'a' repeats line 5"));
        assertTrue(
                loadFailure(reserved + "a\tmany\n")
                        .getMessage()
                        .endsWith(":5: count 'many' is not a number"));
        assertTrue(
                loadFailure(reserved + "a 3\n")
                        .getMessage()
                        .endsWith(":5: expected token<TAB>count"));
        assertTrue(
                loadFailure("<unk>\t0\n")
                        .getMessage()
                        .endsWith(":1: expected reserved token <pad> at id 0"));
        assertTrue(
                loadFailure("<pad>\t0\n").getMessage().contains("at least the 4 reserved tokens"));
    }

    @Test
    void missingFileIsNamed() {
        DataFileException e =
                assertThrows(
                        DataFileException.class, () -> Vocabulary.load(dir.resolve("nope.txt")));
        assertTrue(e.getMessage().endsWith("nope.txt: no such vocabulary file"));
    }
}
