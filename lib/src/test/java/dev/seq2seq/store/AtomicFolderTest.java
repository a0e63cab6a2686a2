package dev.seq2seq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

class AtomicFolderTest {

    /** A process id that no process has. */
    private static final long DEAD = Long.MAX_VALUE - 1;

    @TempDir Path dir;

    @AfterEach
    void resetHook() {
        AtomicFolder.hook = stage -> {};
    }

    private long siblings() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.count();
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousRunAndNoTemporaryFolder() throws IOException {
        Path folder = dir.resolve("run");
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRunFolder.save(folder, SmallRuns.run(manager, 1, 1));
            AtomicFolder.hook =
                    stage -> {
                        throw new IOException("No space left on device");
                    };
            UncheckedIOException e =
                    assertThrows(
                            UncheckedIOException.class,
                            () -> TrainingRunFolder.save(folder, SmallRuns.run(manager, 2, 2)));
            assertEquals("cannot write " + folder + ": No space left on device", e.getMessage());
            assertEquals(1, siblings(), "only the run folder");
            assertEquals(1, TrainingRunFolder.load(folder, manager).trained().provenance().seed());
        }
    }

    @Test
    void anAsideFolderLeftByADeadProcessIsRenamedBackAndLeftoversRemoved() throws IOException {
        Path folder = dir.resolve("run");
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRunFolder.save(folder, SmallRuns.run(manager, 1, 1));
            Files.move(folder, AtomicFolder.leftover(folder, true, DEAD));
            Path tmp = Files.createDirectory(AtomicFolder.leftover(folder, false, DEAD));
            Files.writeString(tmp.resolve("model.params"), "half");
            TrainingRun run = TrainingRunFolder.load(folder, manager);
            assertEquals(1, run.history().lastEpoch());
            assertEquals(1, siblings(), "only the run folder");
        }
    }

    @Test
    void savingReplacesTheWholeFolder() throws IOException {
        Path folder = dir.resolve("run");
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRunFolder.save(folder, SmallRuns.run(manager, 1, 1));
            TrainingRunFolder.save(folder, SmallRuns.run(manager, 2, 2));
            assertEquals(2, TrainingRunFolder.load(folder, manager).trained().provenance().seed());
            assertEquals(1, siblings());
        }
    }

    @Test
    void anUnwritableTargetIsOneLineBeforeAnythingIsWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        IllegalArgumentException isFile =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AtomicFolder.checkWritable(file, 100));
        assertEquals("cannot write " + file + ": it is a file, not a folder", isFile.getMessage());
        Path under = file.resolve("model");
        IllegalArgumentException noParent =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AtomicFolder.checkWritable(under, 100));
        assertTrue(noParent.getMessage().startsWith("cannot write " + under + ": "));
        assertFalse(noParent.getMessage().contains("\n"));
        AtomicFolder.checkWritable(dir.resolve("a/b/model"), 100);
        assertTrue(Files.isDirectory(dir.resolve("a/b")), "the parent is created");
        assertEquals(2, siblings(), "the probe file is gone");
    }

    @Test
    void tooLittleSpaceNamesBothSizes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AtomicFolder.checkSpace(Path.of("m"), 1_000, 800));
        assertTrue(e.getMessage().contains("1,000 bytes free"), e.getMessage());
        assertTrue(e.getMessage().contains("about 1,600"), e.getMessage());
        AtomicFolder.checkSpace(Path.of("m"), 1_600, 800);
    }
}
