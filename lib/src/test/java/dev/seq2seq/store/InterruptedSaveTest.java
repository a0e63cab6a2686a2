package dev.seq2seq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.train.ChildJvm;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

/**
 * A process killed (SIGKILL) at each stage of a save leaves a loadable run: the previous one until
 * the new folder is moved in, the new one after.
 */
class InterruptedSaveTest {

    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({"PARTLY_WRITTEN, 1", "OLD_MOVED_ASIDE, 1", "NEW_MOVED_IN, 2"})
    void aKilledSaveLeavesTheOldOrTheNewCompleteRun(String stage, long expectedSeed)
            throws Exception {
        Path folder = dir.resolve("run");
        ChildJvm child = ChildJvm.start(SaveThenBlock.class, dir, folder.toString(), stage);
        child.awaitOutput("BLOCKED");
        child.kill();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun run = TrainingRunFolder.load(folder, manager);
            assertEquals(expectedSeed, run.trained().provenance().seed(), stage);
            assertEquals((int) expectedSeed, run.history().lastEpoch(), stage);
        }
        try (var leftovers = java.nio.file.Files.list(dir)) {
            assertEquals(
                    0,
                    leftovers.filter(p -> p.getFileName().toString().startsWith(".run.")).count(),
                    "leftovers of the killed save are removed");
        }
    }
}
