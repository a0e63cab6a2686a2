package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@code seq2seq serve}: options and errors (the server itself is tested in serve). */
class ServeCommandTest {

    @TempDir Path dir;

    @Test
    void helpListsTheOptionsWithLoopbackAsTheDefaultHost() {
        CliRun run = CliRun.of("", "serve", "--help");
        assertEquals(0, run.status(), run.err());
        for (String option :
                new String[] {
                    "--model",
                    "--host",
                    "--port",
                    "--max-batch",
                    "--batch-window-ms",
                    "--queue",
                    "--timeout-ms",
                    "--max-chars",
                    "--max-texts"
                }) {
            assertTrue(run.out().contains(option), option);
        }
        assertTrue(run.out().contains("default: 127.0.0.1"), run.out());
    }

    @Test
    void aMissingModelFolderIsAOneLineError() {
        CliRun run = CliRun.of("", "serve", "--model", dir.resolve("nope").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("no such folder"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aWrongOptionIsReportedBeforeTheModelIsLoaded() {
        CliRun run =
                CliRun.of(
                        "", "serve", "--model", dir.resolve("nope").toString(), "--max-batch", "0");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("max batch must be >= 1, got 0"), run.err());
        CliRun port = CliRun.of("", "serve", "--model", dir.toString(), "--port", "70000");
        assertTrue(port.err().contains("port must be 0 to 65535"), port.err());
    }
}
