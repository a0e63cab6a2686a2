package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class TranslateCommandTest {

    @TempDir static Path dir;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        model = CliRun.trainTinyModel(CliRun.smallCorpus(dir, 400), dir);
    }

    @Test
    void oneTranslationPerLineInOrderWithBlankLinesKept() {
        CliRun run =
                CliRun.of(
                        "I love you.\n\nTom is happy.\nGo.\n",
                        "translate",
                        "--model",
                        model.toString());
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().split("\n", -1);
        assertEquals(5, lines.length, run.out());
        assertTrue(
                !lines[0].isBlank()
                        && lines[1].isBlank()
                        && !lines[2].isBlank()
                        && !lines[3].isBlank());
    }

    @Test
    void nBestListsUseTheMosesFormatAndSamplingIsSeeded() {
        CliRun nbest =
                CliRun.of(
                        "I love you.\nGo.\n",
                        "translate",
                        "--model",
                        model.toString(),
                        "--beam",
                        "3",
                        "--nbest",
                        "3");
        assertEquals(0, nbest.status(), nbest.err());
        java.util.List<String> lines = nbest.out().lines().toList();
        assertEquals(6, lines.size(), nbest.out());
        assertTrue(
                lines.get(0).startsWith("0 ||| ") && lines.get(5).startsWith("1 ||| "),
                nbest.out());
        CliRun a =
                CliRun.of(
                        "I love you.\n",
                        "translate",
                        "--model",
                        model.toString(),
                        "--sample",
                        "--seed",
                        "3");
        CliRun b =
                CliRun.of(
                        "I love you.\n",
                        "translate",
                        "--model",
                        model.toString(),
                        "--sample",
                        "--seed",
                        "3");
        assertEquals(a.out(), b.out());
        CliRun both =
                CliRun.of(
                        "Go.\n",
                        "translate",
                        "--model",
                        model.toString(),
                        "--sample",
                        "--beam",
                        "2");
        assertEquals(1, both.status());
        assertTrue(both.err().contains("--sample cannot be combined"), both.err());
    }

    @Test
    void emptyInputAndBadModelFolderAreClearMessages() {
        CliRun empty = CliRun.of("", "translate", "--model", model.toString());
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("no input"), empty.err());
        CliRun bad = CliRun.of("Hello.\n", "translate", "--model", dir.resolve("nope").toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("nope: no such folder"), bad.err());
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheLineWithNoOutput() {
        byte[] stdin = {'G', 'o', '.', '\n', 'I', ' ', (byte) 0xff, (byte) 0xfe, '\n'};
        CliRun run = CliRun.ofBytes(stdin, "translate", "--model", model.toString());
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(
                run.err().startsWith("seq2seq translate: standard input:2: invalid UTF-8"),
                run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aLineLongerThanTheTrainingLengthLimitGetsAWarningNamingIt() {
        String longLine = "the cat sat on the mat . ".repeat(80); // 560 tokens
        CliRun run =
                CliRun.of(
                        "Go.\n" + longLine + "\nI love you.\n",
                        "translate",
                        "--model",
                        model.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(3, run.out().lines().count(), run.out());
        assertEquals(
                "seq2seq translate: warning: line 2: 560 source tokens, more than the training"
                        + " length limit (16): the translation may be cut short or wrong",
                run.err().strip());
    }
}
