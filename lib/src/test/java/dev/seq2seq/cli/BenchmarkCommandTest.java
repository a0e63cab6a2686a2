package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class BenchmarkCommandTest {

    @TempDir Path dir;

    @Test
    void printsThroughputMemoryAndProfile() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 300);
        CliRun run =
                CliRun.of(
                        "",
                        "benchmark",
                        "--data",
                        corpus.toString(),
                        "--warmup",
                        "2",
                        "--steps",
                        "3",
                        "--hidden",
                        "16",
                        "--embedding",
                        "16",
                        "--attention-size",
                        "16");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("target tokens/s"), run.out());
        assertTrue(run.out().contains("peak RSS"), run.out());
        assertTrue(run.out().contains("time per step:  forward"), run.out());
    }
}
