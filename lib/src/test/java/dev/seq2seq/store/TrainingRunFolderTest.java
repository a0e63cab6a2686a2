package dev.seq2seq.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.DataSettings;
import dev.seq2seq.data.Language;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.CopyTask;
import dev.seq2seq.train.EpochRecord;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingHistory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

class TrainingRunFolderTest {

    private static final String SHA = "abc123";

    @TempDir Path dir;
    private final CopyTask task = new CopyTask(100, 20);
    private final Seq2SeqConfig config = task.config(DecoderType.BAHDANAU);
    private final RunSettings settings =
            new RunSettings(
                    TrainingConfig.builder().optEpochs(2).build(),
                    DataSettings.builder().optMaxPairs(500).build(),
                    100,
                    20);
    private Path folder;

    private TrainingRun run(NDManager manager) {
        Seeds.seedEverything(4);
        Seq2SeqModel model = Seq2SeqModel.create(config);
        model.initialize(manager);
        Provenance provenance =
                Provenance.of("copy", SHA, Language.ENGLISH, Language.FRENCH, 4, "untrained");
        TrainingHistory history = new TrainingHistory();
        history.add(new EpochRecord(1, 2.5, 2.0, 0.3, 0.4, 1000, 60, 1e-3, Double.NaN));
        history.add(new EpochRecord(2, 1.5, 1.8, 0.5, 0.5, 1000, 30, 1e-3, Double.NaN));
        return new TrainingRun(
                new TrainedModel(model, task.vocabulary, task.vocabulary, provenance),
                history,
                settings,
                false,
                1.5);
    }

    @BeforeEach
    void save() {
        folder = dir.resolve("run");
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRunFolder.save(folder, run(manager));
        }
    }

    @Test
    void saveThenLoadGivesTheSameRun() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun original = run(manager);
            TrainingRun loaded = TrainingRunFolder.load(folder, manager);
            assertTrue(loaded.loaded());
            assertEquals(original.settings(), loaded.settings());
            assertEquals(original.history().records(), loaded.history().records());
            assertEquals(1.5, loaded.minutes(), 1e-9, "the minutes of the saved epochs");
            assertEquals(config, loaded.trained().model().config());
            assertArrayEquals(
                    original.trained().model().getParameters().valueAt(0).getArray().toFloatArray(),
                    loaded.trained().model().getParameters().valueAt(0).getArray().toFloatArray());
        }
    }

    @Test
    void sameSettingsAreReusable() {
        assertEquals(
                Optional.empty(), TrainingRunFolder.whyNotReusable(folder, config, settings, SHA));
    }

    @Test
    void anEmptyOrAbsentFolderMeansTrain() {
        Optional<String> why =
                TrainingRunFolder.whyNotReusable(dir.resolve("none"), config, settings, SHA);
        assertTrue(why.orElseThrow().contains("no training run"), why.toString());
    }

    @Test
    void eachDifferenceIsNamed() {
        RunSettings otherTraining =
                new RunSettings(
                        TrainingConfig.builder().optEpochs(3).build(),
                        settings.data(),
                        settings.trainPairs(),
                        settings.validPairs());
        assertTrue(
                TrainingRunFolder.whyNotReusable(folder, config, otherTraining, SHA)
                        .orElseThrow()
                        .contains("training: "));
        DataSettings data = settings.data();
        RunSettings otherData =
                new RunSettings(
                        settings.training(),
                        DataSettings.builder().optSettings(data).optMinFrequency(1).build(),
                        settings.trainPairs(),
                        settings.validPairs());
        assertTrue(
                TrainingRunFolder.whyNotReusable(folder, config, otherData, SHA)
                        .orElseThrow()
                        .contains("data: "));
        assertTrue(
                TrainingRunFolder.whyNotReusable(folder, config, settings, "other")
                        .orElseThrow()
                        .contains("corpus: "));
        Seq2SeqConfig plain = task.config(DecoderType.PLAIN);
        assertTrue(
                TrainingRunFolder.whyNotReusable(folder, plain, settings, SHA)
                        .orElseThrow()
                        .contains("architecture: "));
    }

    @Test
    void settingsWrittenBeforeDataSettingsWereRecordedMeanRetrain() throws IOException {
        Files.writeString(
                folder.resolve(TrainingRunFolder.SETTINGS),
                "{\"training\": "
                        + new com.google.gson.Gson().toJson(settings.training())
                        + ", \"trainPairs\": 100, \"validPairs\": 20}");
        String why = TrainingRunFolder.whyNotReusable(folder, config, settings, SHA).orElseThrow();
        assertTrue(why.contains("data: ") && why.contains("not recorded"), why);
    }

    @Test
    void dataSettingsWrittenBeforeBpeDropoutExistedStillMatch() throws IOException {
        Path file = folder.resolve(TrainingRunFolder.SETTINGS);
        String json = Files.readString(file);
        assertTrue(json.contains("\"bpeDropout\": 0.0"), json);
        Files.writeString(file, json.replaceAll(",\\s*\"bpeDropout\": 0.0", ""));
        assertFalse(Files.readString(file).contains("bpeDropout"));
        assertEquals(
                Optional.empty(), TrainingRunFolder.whyNotReusable(folder, config, settings, SHA));
    }

    @Test
    void unparseableSettingsAreAnErrorNamingTheFile() throws IOException {
        Files.writeString(folder.resolve(TrainingRunFolder.SETTINGS), "{\"training\": {\"epochs\"");
        CheckpointException e =
                assertThrows(
                        CheckpointException.class,
                        () -> TrainingRunFolder.whyNotReusable(folder, config, settings, SHA));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("training.json"), e.getMessage());
    }

    @Test
    void aMisspeltScheduleIsAnErrorNamingItNotTheDefault() throws IOException {
        Path file = folder.resolve(TrainingRunFolder.SETTINGS);
        String json = Files.readString(file);
        assertTrue(json.contains("\"learningRateSchedule\": \"EPOCH_DECAY\""), json);
        Files.writeString(file, json.replace("\"EPOCH_DECAY\"", "\"EPOCH_DECAYY\""));
        CheckpointException e =
                assertThrows(
                        CheckpointException.class,
                        () -> TrainingRunFolder.whyNotReusable(folder, config, settings, SHA));
        assertTrue(e.getMessage().contains("training.json"), e.getMessage());
        assertTrue(e.getMessage().contains("'EPOCH_DECAYY'"), e.getMessage());
        assertTrue(e.getMessage().contains("NOAM"), "lists the known schedules: " + e.getMessage());
    }

    @Test
    void corruptConfigIsAnErrorNamingTheFile() throws IOException {
        Files.writeString(folder.resolve(Checkpoint.CONFIG), "not json at all {");
        CheckpointException e =
                assertThrows(
                        CheckpointException.class,
                        () -> TrainingRunFolder.whyNotReusable(folder, config, settings, SHA));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void truncatedHistoryIsAnErrorNamingTheFile() throws IOException {
        Path history = folder.resolve(TrainingRunFolder.HISTORY);
        String text = Files.readString(history);
        Files.writeString(history, text.substring(0, text.length() - 20));
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e =
                    assertThrows(
                            CheckpointException.class,
                            () -> TrainingRunFolder.load(folder, manager));
            assertTrue(e.getMessage().contains("history.csv"), e.getMessage());
        }
    }

    @Test
    void truncatedParametersAreAnErrorNamingTheFile() throws IOException {
        Path params = folder.resolve(Checkpoint.PARAMETERS);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e =
                    assertThrows(
                            CheckpointException.class,
                            () -> TrainingRunFolder.load(folder, manager));
            assertTrue(e.getMessage().contains("model.params"), e.getMessage());
        }
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() throws IOException {
        Files.delete(folder.resolve(Checkpoint.PROVENANCE));
        CheckpointException e =
                assertThrows(
                        CheckpointException.class,
                        () -> TrainingRunFolder.whyNotReusable(folder, config, settings, SHA));
        assertTrue(e.getMessage().contains("missing provenance.json"), e.getMessage());
        assertFalse(e.getMessage().contains("history.csv"), e.getMessage());
    }
}
