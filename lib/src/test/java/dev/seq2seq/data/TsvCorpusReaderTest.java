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

class TsvCorpusReaderTest {

    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private DataFileException failure(Path file) {
        return assertThrows(DataFileException.class, () -> TsvCorpusReader.readDefault(file));
    }

    @Test
    void readsPairsWithLineNumbers() throws IOException {
        Path file = write("ok.tsv", "Go.\tVa !\nRun!\tCours !\n");
        ParallelCorpus corpus = TsvCorpusReader.readDefault(file);
        assertEquals(2, corpus.size());
        assertEquals(new SentencePair("Run!", "Cours !", 2), corpus.pairs().get(1));
        assertEquals(64, corpus.sha256().length());
    }

    @Test
    void acceptsByteOrderMarkWindowsLineEndsAndNoFinalNewline() throws IOException {
        Path file = write("crlf.tsv", "\uFEFFGo.\tVa !\r\nRun!\tCours !");
        ParallelCorpus corpus = TsvCorpusReader.readDefault(file);
        assertEquals("Go.", corpus.pairs().get(0).source());
        assertEquals("Va !", corpus.pairs().get(0).target());
        assertEquals("Cours !", corpus.pairs().get(1).target());
    }

    @Test
    void wrongColumnCountNamesFileAndLine() throws IOException {
        Path file = write("cols.tsv", "Go.\tVa !\nRun!\tCours !\textra\n");
        DataFileException e = failure(file);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains("found 3"), e.getMessage());
        Path oneColumn = write("one.tsv", "Go.\tVa !\nRun!\n");
        assertTrue(
                failure(oneColumn).getMessage().contains(":2: expected 2 tab-separated columns"));
    }

    @Test
    void extraColumnsAreAcceptedOnlyWhenAllowed() throws IOException {
        Path file = write("anki.tsv", "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org\n");
        ParallelCorpus corpus =
                TsvCorpusReader.builder().optAllowExtraColumns(true).build().read(file);
        assertEquals("Va !", corpus.pairs().get(0).target());
    }

    @Test
    void emptySideNamesTheColumn() throws IOException {
        assertTrue(
                failure(write("s.tsv", "Go.\tVa !\n \tCours !\n"))
                        .getMessage()
                        .endsWith(":2: empty source (column 1)"));
        assertTrue(
                failure(write("t.tsv", "Go.\t\n"))
                        .getMessage()
                        .endsWith(":1: empty target (column 2)"));
    }

    @Test
    void blankLineIsAnErrorNotSkipped() throws IOException {
        DataFileException e = failure(write("blank.tsv", "Go.\tVa !\n\nRun!\tCours !\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("empty line"));
    }

    @Test
    void invalidUtf8NamesTheExactLine() throws IOException {
        StringBuilder good = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            good.append("Go.\tVa !\n");
        }
        byte[] head = good.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'H', 'i', '\t', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] bytes = new byte[head.length + bad.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(bad, 0, bytes, head.length, bad.length);
        DataFileException e = failure(write("latin.tsv", bytes));
        assertEquals(5001, e.line());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }

    @Test
    void emptyFileAndMissingFileAreErrors() throws IOException {
        assertTrue(failure(write("empty.tsv", "")).getMessage().contains("empty file"));
        assertTrue(
                failure(dir.resolve("missing.tsv"))
                        .getMessage()
                        .endsWith("missing.tsv: no such file"));
    }

    @Test
    void readsTheBundledCorpus() {
        ParallelCorpus corpus = TsvCorpusReader.readDefault(Path.of("../datasets/eng-fra.tsv"));
        assertEquals(74_524, corpus.size());
        assertEquals(48_197, corpus.distinctSources().size());
        assertEquals(
                "33a4a66f63fb602455f28ec36ae5756e5bc19fdadd062befd3b55154bf17c8e0",
                corpus.sha256());
    }
}
