package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.eval.EvaluationSummary;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
        assertTrue(run.out().contains("recorded in "), run.out());
        EvaluationSummary recorded = EvaluationSummary.load(model, "test").orElseThrow();
        assertEquals(sentences, recorded.sentences());
        assertTrue(recorded.search().startsWith("beam 2"), recorded.search());
        String bleuLine =
                run.out().lines().filter(l -> l.startsWith("BLEU|")).findFirst().orElseThrow();
        assertTrue(
                bleuLine.contains(String.format(Locale.ROOT, " = %.2f ", recorded.bleu())),
                bleuLine + " vs " + recorded.bleu());
    }

    @Test
    void aSplitOfAnotherCorpusIsNotRecorded() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path otherCorpus = CliRun.smallCorpus(other, 300);
        CliRun run =
                CliRun.of(
                        "",
                        "evaluate",
                        "--model",
                        model.toString(),
                        "--data",
                        otherCorpus.toString(),
                        "--split",
                        "valid");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("not recorded in the model's folder"), run.out());
        assertTrue(EvaluationSummary.load(model, "valid").isEmpty());
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
