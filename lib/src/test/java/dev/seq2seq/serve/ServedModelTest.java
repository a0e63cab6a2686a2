package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.eval.EvaluationSummary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

class ServedModelTest {

    @TempDir Path dir;

    /** A copy of the fixture's run folder, so that the test may add files to it. */
    private Path copyOfFixture() throws IOException {
        Path copy = dir.resolve("copy-model");
        Path source = ServeFixture.folder();
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(source)) {
            files.forEach(
                    f -> {
                        try {
                            Files.copy(f, copy.resolve(f.getFileName()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return copy;
    }

    private static EvaluationSummary summary(String dataSha256) {
        return new EvaluationSummary(
                "test",
                "beam 4, alpha 0.6, coverage 0.0",
                120,
                180,
                37.25,
                "b",
                55.5,
                "c",
                dataSha256,
                "2026-11-28T10:00:00Z",
                39.5,
                "d");
    }

    @Test
    void provenanceShowsTheRunsHistoryAndDataSettings() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ServedModel served = ServedModel.load(copyOfFixture(), manager);
            assertEquals("copy-model", served.name());
            assertEquals("c0ffee", served.provenance().get("dataSha256"));
            assertEquals(ServeFixture.LONGEST_SOURCE, served.maxSourceLength().orElseThrow());
            assertTrue(
                    served.provenance().containsKey("bestValidLoss"),
                    served.provenance().toString());
            assertFalse(served.provenance().containsKey("testBleu"));
        }
    }

    @Test
    void testScoresOfTheModelsOwnCorpusAreShown() throws IOException {
        Path folder = copyOfFixture();
        summary("c0ffee").save(folder);
        try (NDManager manager = NDManager.newBaseManager()) {
            ServedModel served = ServedModel.load(folder, manager);
            assertEquals(39.5, served.provenance().get("testBleu"), "case-sensitive");
            assertEquals(37.25, served.provenance().get("testBleuCaseInsensitive"));
            assertEquals(55.5, served.provenance().get("testChrf"));
            assertEquals("beam 4, alpha 0.6, coverage 0.0", served.provenance().get("testSearch"));
            assertEquals(120, served.provenance().get("testSentences"));
        }
    }

    @Test
    void testScoresOfAnotherCorpusAreLeftOut() throws IOException {
        Path folder = copyOfFixture();
        summary("another-corpus").save(folder);
        try (NDManager manager = NDManager.newBaseManager()) {
            ServedModel served = ServedModel.load(folder, manager);
            assertFalse(
                    served.provenance().containsKey("testBleu"), served.provenance().toString());
        }
    }
}
