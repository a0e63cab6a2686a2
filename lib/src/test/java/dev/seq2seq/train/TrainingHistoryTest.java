package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.DataFileException;
import dev.seq2seq.train.EarlyStopping.Mode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

class TrainingHistoryTest {

    private static TrainingHistory sample() {
        TrainingHistory history = new TrainingHistory();
        history.add(new EpochRecord(1, 5.25, 4.75, 0.1, 0.125, 1234.5, 61.0, 1e-3, Double.NaN));
        history.add(new EpochRecord(2, 3.1, 3.3, 0.4, 0.38, 1300.25, 59.5, 1e-3, 12.7));
        history.add(new EpochRecord(3, 2.0 / 3, 3.4, 0.5, Double.NaN, 1290, 60.125, 5e-4, 14.25));
        return history;
    }

    @Test
    void csvWrittenThenReadGivesEqualRecords(@TempDir Path dir) throws IOException {
        TrainingHistory history = sample();
        Path file = dir.resolve("history.csv");
        Files.writeString(file, history.toCsv());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(TrainingHistory.HEADER, lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).endsWith(",0.001,"), lines.get(1)); // NaN metric: empty field
        TrainingHistory loaded = TrainingHistory.fromCsv(file, Files.readString(file));
        assertEquals(history.records(), loaded.records());
        assertTrue(Double.isNaN(loaded.records().get(0).validMetric()));
        assertEquals(3, loaded.lastEpoch());
    }

    @Test
    void bestAndLastEpoch() {
        TrainingHistory history = sample();
        assertEquals(2, history.bestByValidLoss().orElseThrow().epoch());
        assertEquals(
                3, history.best(EpochRecord::validMetric, Mode.MAXIMIZE).orElseThrow().epoch());
        assertEquals(2, history.best(EpochRecord::validAccuracy, Mode.MAXIMIZE).get().epoch());
        Comparator<EpochRecord> byTrainLoss = Comparator.comparingDouble(EpochRecord::trainLoss);
        assertEquals(3, history.best(byTrainLoss).orElseThrow().epoch());
        assertEquals(Math.exp(3.3), history.records().get(1).perplexity(), 1e-12);
        assertEquals(0, new TrainingHistory().lastEpoch());
        assertTrue(new TrainingHistory().bestByValidLoss().isEmpty());
        assertThrows(
                IllegalArgumentException.class,
                () -> history.add(new EpochRecord(3, 1, 1, 1, 1, 1, 1, 1, Double.NaN)));
    }

    @Test
    void malformedLineNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(
                file,
                TrainingHistory.HEADER
                        + "\n1,5.0,4.0,0.1,0.2,54.6,100,60,0.001,\n"
                        + "2,3.0,oops,0.1,0.2,,100,60,0.001,\n");
        DataFileException e =
                assertThrows(
                        DataFileException.class,
                        () -> TrainingHistory.fromCsv(file, Files.readString(file)));
        assertEquals(file + ":3: valid_loss is not a number: 'oops'", e.getMessage());
        assertEquals(3, e.line());

        Files.writeString(file, TrainingHistory.HEADER + "\n\n1,5.0,4.0\n");
        e =
                assertThrows(
                        DataFileException.class,
                        () -> TrainingHistory.fromCsv(file, Files.readString(file)));
        assertEquals(file + ":3: expected 10 comma-separated fields, found 3", e.getMessage());

        Files.writeString(file, "epoch,loss\n");
        e =
                assertThrows(
                        DataFileException.class,
                        () -> TrainingHistory.fromCsv(file, Files.readString(file)));
        assertTrue(e.getMessage().startsWith(file + ":1: expected the header epoch,"));

        Files.writeString(
                file, TrainingHistory.HEADER + "\n2,1,1,1,1,,1,1,1,\n1,1,1,1,1,,1,1,1,\n");
        e =
                assertThrows(
                        DataFileException.class,
                        () -> TrainingHistory.fromCsv(file, Files.readString(file)));
        assertEquals(file + ":3: epoch 1 must come after epoch 2", e.getMessage());
    }

    @Test
    void nanIsReadFromEmptyOrNanFields(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, TrainingHistory.HEADER + "\n1,NaN,,,,,,,,NaN\n");
        EpochRecord record = TrainingHistory.fromCsv(file, Files.readString(file)).records().get(0);
        assertTrue(Double.isNaN(record.trainLoss()));
        assertTrue(Double.isNaN(record.validMetric()));
        assertTrue(!record.hasValidMetric());
    }

    @Test
    void aHistoryWrittenBeforeTheMetricColumnWasRenamedStillReads(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("history.csv");
        String csv = sample().toCsv();
        String before = csv.replaceFirst(",valid_metric\n", ",valid_bleu\n");
        assertTrue(
                !before.equals(csv)
                        && before.startsWith(TrainingHistory.HEADER_BEFORE_VALID_METRIC));
        Files.writeString(file, before);
        assertEquals(sample().records(), TrainingHistory.fromCsv(file, before).records());
        String other = csv.replaceFirst(",valid_metric\n", ",valid_chrf\n");
        DataFileException e =
                assertThrows(DataFileException.class, () -> TrainingHistory.fromCsv(file, other));
        assertTrue(e.getMessage().contains("expected the header"), e.getMessage());
    }
}
