package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.eval.Bleu;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class BleuCommandTest {

    @TempDir Path dir;
    Path hyp;
    Path ref1;
    Path ref2;

    @BeforeEach
    void sacreBleuReadmeExample() throws Exception {
        hyp =
                Files.write(
                        dir.resolve("hyp.txt"),
                        List.of(
                                "The dog bit the man.",
                                "It wasn't surprising.",
                                "The man had just bitten him."));
        ref1 =
                Files.write(
                        dir.resolve("ref1.txt"),
                        List.of(
                                "The dog bit the man.",
                                "It was not unexpected.",
                                "The man bit him first."));
        ref2 =
                Files.write(
                        dir.resolve("ref2.txt"),
                        List.of(
                                "The dog had bit the man.",
                                "No one was surprised.",
                                "The man had bitten the dog."));
    }

    @Test
    void scoreOnlyMatchesSacreBleusPublishedValues() {
        CliRun run =
                CliRun.of(
                        "",
                        "bleu",
                        ref1.toString(),
                        ref2.toString(),
                        "-i",
                        hyp.toString(),
                        "-m",
                        "bleu",
                        "chrf",
                        "-b");
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("48.53", "59.73"), run.out().lines().toList());
    }

    @Test
    void fullOutputHasTheSignatureAndAgreesWithTheLibrary() {
        CliRun run = CliRun.of("", "bleu", ref1.toString(), ref2.toString(), "-i", hyp.toString());
        assertTrue(
                run.out()
                        .startsWith(
                                "BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x = 48.53 "),
                run.out());
        double library =
                Bleu.builder()
                        .build()
                        .corpusScore(
                                List.of(
                                        "The dog bit the man.",
                                        "It wasn't surprising.",
                                        "The man had just bitten him."),
                                List.of(
                                        List.of("The dog bit the man.", "The dog had bit the man."),
                                        List.of("It was not unexpected.", "No one was surprised."),
                                        List.of(
                                                "The man bit him first.",
                                                "The man had bitten the dog.")))
                        .score();
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", library), "48.53");
    }

    @Test
    void lineCountMismatchNamesBothCounts() throws Exception {
        Path shortRef = Files.write(dir.resolve("short.txt"), List.of("one line"));
        CliRun run = CliRun.of("", "bleu", shortRef.toString(), "-i", hyp.toString());
        assertEquals(1, run.status());
        assertEquals(
                "seq2seq: reference file "
                        + shortRef
                        + " has 1 lines but the hypothesis file "
                        + hyp
                        + " has 3",
                run.err().strip());
    }

    @Test
    void unknownMetricIsAUsageError() {
        CliRun run = CliRun.of("", "bleu", ref1.toString(), "-i", hyp.toString(), "-m", "meteor");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unknown metric 'meteor'"), run.err());
    }
}
