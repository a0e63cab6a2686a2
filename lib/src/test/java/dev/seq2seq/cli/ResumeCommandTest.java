package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.store.TrainingRunFolder;
import dev.seq2seq.train.EpochRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class ResumeCommandTest {

    @TempDir Path dir;

    private static String[] train(Path corpus, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--data",
                                corpus.toString(),
                                "--hidden",
                                "16",
                                "--embedding",
                                "16",
                                "--attention-size",
                                "16",
                                "--lr-decay",
                                "0.5",
                                "--patience",
                                "0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void resumingContinuesEpochsScheduleAndHistory() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 300);
        Path model = dir.resolve("model");
        CliRun first = CliRun.of("", train(corpus, "--out", model.toString(), "--epochs", "2"));
        assertEquals(0, first.status(), first.err());
        CliRun second = CliRun.of("", train(corpus, "--resume", model.toString(), "--epochs", "1"));
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("resuming " + model + " after epoch 2"), second.out());
        assertTrue(second.out().contains("epoch 3: train loss"), second.out());
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun run = TrainingRunFolder.load(model, manager);
            List<EpochRecord> records = run.history().records();
            assertEquals(List.of(1, 2, 3), records.stream().map(EpochRecord::epoch).toList());
            double lr2 = records.get(1).learningRate();
            double lr3 = records.get(2).learningRate();
            assertEquals(2e-3 * 0.25, lr2, 1e-6, "two epochs of decay 0.5");
            assertEquals(lr2 * 0.5, lr3, 1e-6, "the schedule goes on at epoch 3");
            assertTrue(
                    run.trained().provenance().trainingSummary().contains("resumed after epoch 2"),
                    run.trained().provenance().trainingSummary());
            assertEquals(3, run.settings().training().epochs());
        }
        CliRun other =
                CliRun.of(
                        "",
                        "train",
                        "--data",
                        corpus.toString(),
                        "--resume",
                        model.toString(),
                        "--epochs",
                        "1",
                        "--hidden",
                        "32");
        assertEquals(1, other.status());
        assertTrue(other.err().startsWith("seq2seq: cannot resume: "), other.err());
        assertTrue(other.err().contains("architecture: "), other.err());
        assertTrue(!other.out().contains("epoch 4"), other.out());
        assertTrue(Files.isRegularFile(model.resolve("model.params")));
    }
}
