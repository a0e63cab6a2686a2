package dev.seq2seq.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ModelRecordTest {

    @TempDir Path dir;

    @Test
    void aBrokenRecordIsAnErrorNamingTheFileAndTheProblem() throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{ not json");
        IllegalArgumentException json =
                assertThrows(IllegalArgumentException.class, () -> ModelRecord.load(file));
        assertTrue(json.getMessage().contains(file + " is not valid JSON"), json.getMessage());
        Files.writeString(file, "{\"version\": 7}");
        IllegalArgumentException version =
                assertThrows(IllegalArgumentException.class, () -> ModelRecord.load(file));
        assertTrue(version.getMessage().contains("format version 7, expected 1"));
        Files.writeString(file, "{\"version\": 1, \"model\": \"m\"}");
        IllegalArgumentException part =
                assertThrows(IllegalArgumentException.class, () -> ModelRecord.load(file));
        assertTrue(part.getMessage().contains("lacks a part"), part.getMessage());
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ModelRecord.load(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("cannot read the record"));
    }

    @Test
    void anOriginNeedsEveryField() {
        assertThrows(IllegalArgumentException.class, () -> new Origin(" ", "2026-12-07", "abc"));
        assertTrue(Origin.now("04").describe().startsWith("notebook 04 on "));
    }

    @Test
    void everyCommittedRecordLoadsWithTheSettingsItWasWrittenWith() throws Exception {
        // records written before RecurrentSettings, the score-floor setting and the valid_metric
        // column: a notebook run alone still reads them
        List<Path> records;
        try (var files = Files.list(Path.of("../notebooks/results"))) {
            records = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(records.size() >= 6, "records: " + records);
        for (Path file : records) {
            ModelRecord record = ModelRecord.load(file);
            String json = Files.readString(file);
            boolean transformer = json.contains("\"architecture\": \"TRANSFORMER\"");
            assertEquals(transformer, record.config().isTransformer(), file.toString());
            assertEquals(transformer, record.config().recurrent() == null, file.toString());
            if (transformer) {
                assertEquals(50f, record.config().transformer().attentionScoreFloor(), 0f);
            }
            assertTrue(record.history().lastEpoch() >= 1, file.toString());
        }
    }
}
