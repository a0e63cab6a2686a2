package dev.seq2seq.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingHistory;
import dev.seq2seq.train.TrainingListener;
import dev.seq2seq.train.TrainingProgress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class TrainedModelsTest {

    @TempDir Path dir;

    @Test
    void reusesACheckpointOnlyForTheSameSettings() throws Exception {
        TranslationData data =
                TranslationData.builder()
                        .setFile(Path.of("../datasets/eng-fra.tsv"))
                        .optMaxPairs(500)
                        .build();
        Seq2SeqConfig config =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(
                                data.sourceVocabulary().size(), data.targetVocabulary().size())
                        .optEmbeddingSize(8)
                        .optHiddenSize(8)
                        .optAttention("additive", 8)
                        .build();
        TrainingConfig training = TrainingConfig.builder().optEpochs(1).build();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path folder = dir.resolve("m");
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun first =
                    TrainedModels.loadOrTrain(
                            folder, data, config, training, manager, quiet, TrainingListener.NONE);
            assertFalse(first.loaded());
            List<String> heard = new ArrayList<>();
            TrainingListener listener =
                    new TrainingListener() {
                        @Override
                        public void trainingStarted(TrainingProgress progress) {
                            heard.add("started");
                        }

                        @Override
                        public void runLoaded(
                                TrainingHistory history, double minutes, String trainedOn) {
                            heard.add(history.records().size() + " epochs, " + trainedOn);
                        }
                    };
            TrainingRun second =
                    TrainedModels.loadOrTrain(
                            folder, data, config, training, manager, quiet, listener);
            assertTrue(second.loaded());
            assertEquals(
                    List.of(
                            "1 epochs, "
                                    + second.trained().provenance().created().substring(0, 10)),
                    heard,
                    "a loaded run is told to the listener once, as loaded, not as trained");
            assertEquals(first.history().records(), second.history().records());
            assertArrayEquals(
                    first.trained().model().getParameters().valueAt(0).getArray().toFloatArray(),
                    second.trained().model().getParameters().valueAt(0).getArray().toFloatArray());
            TrainingConfig other = TrainingConfig.builder().optEpochs(1).optSeed(7).build();
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            assertFalse(
                    TrainedModels.loadOrTrain(
                                    folder,
                                    data,
                                    config,
                                    other,
                                    manager,
                                    new PrintStream(said, true, StandardCharsets.UTF_8),
                                    TrainingListener.NONE)
                            .loaded());
            String output = said.toString(StandardCharsets.UTF_8);
            assertTrue(output.contains("retraining: " + folder), output);
            assertTrue(output.contains("seed=7"), output);
            Files.writeString(folder.resolve(TrainingRunFolder.SETTINGS), "{ truncated");
            CheckpointException e =
                    assertThrows(
                            CheckpointException.class,
                            () ->
                                    TrainedModels.loadOrTrain(
                                            folder,
                                            data,
                                            config,
                                            other,
                                            manager,
                                            quiet,
                                            TrainingListener.NONE));
            assertTrue(e.getMessage().contains("training.json"), e.getMessage());
        }
    }
}
