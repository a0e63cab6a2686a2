package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.store.TrainingRunFolder;
import dev.seq2seq.train.ChildJvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ctrl-C (SIGINT) during {@code train}, in a child process. */
class InterruptCommandTest {

    @TempDir Path dir;

    @Test
    void ctrlCSavesTheBestEpochSoFarWithItsHistory() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 300);
        Path model = dir.resolve("model");
        ChildJvm child =
                ChildJvm.start(
                        Main.class,
                        dir,
                        "train",
                        "--data",
                        corpus.toString(),
                        "--out",
                        model.toString(),
                        "--epochs",
                        "1000",
                        "--patience",
                        "0",
                        "--hidden",
                        "16",
                        "--embedding",
                        "16",
                        "--attention-size",
                        "16");
        child.awaitOutput("epoch 1: train loss");
        int status = child.interrupt();
        String out = child.stdout();
        Matcher epochs = Pattern.compile("(?m)^epoch (\\d+): train loss").matcher(out);
        int completed = 0;
        while (epochs.find()) {
            completed = Integer.parseInt(epochs.group(1));
        }
        assertEquals(130, status, child.stderr());
        assertTrue(child.stderr().contains("interrupted: saved the best epoch"), child.stderr());
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun run = TrainingRunFolder.load(model, manager);
            assertEquals(completed, run.history().lastEpoch(), out);
            assertTrue(
                    run.trained().provenance().trainingSummary().contains("(interrupted)"),
                    run.trained().provenance().trainingSummary());
        }
    }
}
