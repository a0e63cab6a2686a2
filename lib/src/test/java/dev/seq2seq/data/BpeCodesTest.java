package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class BpeCodesTest {

    @TempDir Path dir;

    @Test
    void subwordNmtsCodesRoundTripByteForByte() throws IOException {
        BpeCodes codes = BpeCodes.load(SubwordNmtData.codesFile());
        assertEquals(1000, codes.size());
        assertEquals(BpeCodes.EndOfWord.ATTACHED, codes.endOfWord());
        assertEquals(new BpeCodes.Merge("t", "h"), codes.merges().get(0));
        assertEquals(0, codes.rank("t", "h"));
        assertEquals(1, codes.rank("th", "e</w>"));
        assertEquals(-1, codes.rank("h", "t"));
        Path copy = dir.resolve("codes");
        codes.save(copy);
        assertEquals(Files.readString(SubwordNmtData.codesFile()), Files.readString(copy));
        assertEquals(codes, BpeCodes.load(copy));
    }

    @Test
    void separateMarkerCodesHaveNoHeader() throws IOException {
        BpeCodes codes =
                new BpeCodes(
                        List.of(new BpeCodes.Merge("e", "s"), new BpeCodes.Merge("es", "</w>")),
                        BpeCodes.EndOfWord.SEPARATE);
        Path file = dir.resolve("codes");
        codes.save(file);
        assertEquals("e s\nes </w>\n", Files.readString(file));
        assertEquals(codes, BpeCodes.load(file));
    }

    @Test
    void charactersPlaceTheEndOfWordMarker() {
        BpeCodes attached = new BpeCodes(List.of(), BpeCodes.EndOfWord.ATTACHED);
        BpeCodes separate = new BpeCodes(List.of(), BpeCodes.EndOfWord.SEPARATE);
        assertEquals(List.of("l", "o", "w</w>"), attached.characters("low"));
        assertEquals(List.of("l", "o", "w", "</w>"), separate.characters("low"));
        assertEquals(List.of("𝄞</w>"), attached.characters("𝄞")); // one code point, two chars
        assertThrows(IllegalArgumentException.class, () -> attached.characters(""));
    }

    @Test
    void badFilesAreNamedWithTheirLine() throws IOException {
        assertMessage("#version: 0.2\nt h\nth\n", ":3", "two symbols");
        assertMessage("#version: 0.2\nt h\nt h\n", ":3", "repeats line 2");
        assertMessage("#version: 0.3\nt h\n", ":1", "unsupported");
        assertMessage("t  h\n", ":1", "two symbols");
        DataFileException missing =
                assertThrows(DataFileException.class, () -> BpeCodes.load(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("no such BPE codes file"), missing.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new BpeCodes(
                                List.of(new BpeCodes.Merge("a", "b"), new BpeCodes.Merge("a", "b")),
                                BpeCodes.EndOfWord.ATTACHED));
    }

    private void assertMessage(String content, String line, String problem) throws IOException {
        Path file = dir.resolve("bad.codes");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        DataFileException e = assertThrows(DataFileException.class, () -> BpeCodes.load(file));
        assertTrue(e.getMessage().contains("bad.codes" + line), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
