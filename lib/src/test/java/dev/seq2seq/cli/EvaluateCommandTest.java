package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class EvaluateCommandTest {

    @TempDir static Path dir;
    static Path corpus;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        corpus = CliRun.smallCorpus(dir, 400);
        model = CliRun.trainTinyModel(corpus, dir);
    }

    @Test
    void printsAllMetricsWithSignaturesAndWritesHypotheses() throws Exception {
        Path hyps = dir.resolve("hyps.txt");
        CliRun run =
                CliRun.of(
                        "",
                        "evaluate",
                        "--model",
                        model.toString(),
                        "--data",
                        corpus.toString(),
                        "--split",
                        "test",
                        "--beam",
                        "2",
                        "--hypotheses",
                        hyps.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("BLEU|nrefs:"), run.out());
        assertTrue(run.out().contains("chrF2|nrefs:"), run.out());
        assertTrue(run.out().contains("ROUGE-1 = "), run.out());
        assertTrue(run.out().contains("beam 2"), run.out());
        int sentences =
                Integer.parseInt(
                        run.out()
                                .lines()
                                .filter(l -> l.contains("source sentences"))
                                .findFirst()
                                .orElseThrow()
                                .split(" ")[0]);
        assertEquals(sentences, Files.readAllLines(hyps).size());
    }

    @Test
    void missingDataFileIsOneLine() {
        CliRun run =
                CliRun.of(
                        "",
                        "evaluate",
                        "--model",
                        model.toString(),
                        "--data",
                        dir.resolve("none.tsv").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().strip().endsWith("none.tsv: no such file"), run.err());
    }
}
