package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class ServeBenchmarkCommandTest {

    @TempDir static Path dir;

    @Test
    void printsBothServersWithoutErrors() throws Exception {
        Path model = CliRun.trainTinyModel(CliRun.smallCorpus(dir, 400), dir);
        Path sentences = Files.writeString(dir.resolve("sentences.txt"), "I love you.\nGo.\n");
        CliRun run =
                CliRun.of(
                        "",
                        "serve-benchmark",
                        "--model",
                        model.toString(),
                        "--sentences",
                        sentences.toString(),
                        "--clients",
                        "2",
                        "--seconds",
                        "1");
        assertEquals(0, run.status(), run.err());
        String out = run.out();
        assertTrue(out.contains("one request at a time"), out);
        assertTrue(out.contains("batched (64, 5 ms window)"), out);
        assertTrue(out.contains("batched / one at a time:"), out);
        for (String line : out.split("\n")) {
            if (line.startsWith("one request") || line.startsWith("batched (")) {
                String[] columns = line.trim().split("\\s+");
                assertEquals("0", columns[columns.length - 3], "errors column: " + line);
            }
        }
    }
}
