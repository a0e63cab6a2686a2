package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class DecodeBenchmarkCommandTest {

    @TempDir Path dir;

    @Test
    void printsSentencesPerSecondForEachSearchAndTheBatchingGain() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 600);
        Path model = CliRun.trainTinyModel(corpus, dir);
        CliRun run =
                CliRun.of(
                        "",
                        "decode-benchmark",
                        "--model",
                        model.toString(),
                        "--data",
                        corpus.toString(),
                        "--one-by-one",
                        "10",
                        "--passes",
                        "2",
                        "--batch-size",
                        "16");
        assertEquals(0, run.status(), run.err());
        for (String line :
                new String[] {
                    "greedy, batched",
                    "beam 4, batched",
                    "beam 8, batched",
                    "one sentence at a time",
                    "faster than",
                    "median of 2 passes",
                    "peak RSS"
                }) {
            assertTrue(run.out().contains(line), line + " in " + run.out());
        }
    }

    @Test
    void rejectsFewerThanOnePassOrSentencePerBatchBeforeLoadingAnything() {
        String missing = dir.resolve("missing").toString();
        CliRun passes = CliRun.of("", "decode-benchmark", "--model", missing, "--passes", "0");
        assertEquals(1, passes.status());
        assertEquals("seq2seq: --passes must be >= 1, got 0", passes.err().strip());
        CliRun batch = CliRun.of("", "decode-benchmark", "--model", missing, "--batch-size", "0");
        assertEquals(1, batch.status());
        assertEquals("seq2seq: --batch-size must be >= 1, got 0", batch.err().strip());
    }
}
