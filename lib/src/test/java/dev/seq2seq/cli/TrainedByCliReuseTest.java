package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.store.TrainedModels;
import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.store.TrainingRunFolder;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingListener;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A folder written by {@code seq2seq train} is the notebooks' cache when the settings match. */
class TrainedByCliReuseTest {

    @TempDir Path dir;

    @Test
    void notebooksCacheLoadsWhatTheCommandLineTrainedWithTheSameSettings() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 300);
        Path folder = CliRun.trainTinyModel(corpus, dir);
        TranslationData data = TranslationData.builder().setFile(corpus).build();
        Seq2SeqConfig config =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(
                                data.sourceVocabulary().size(), data.targetVocabulary().size())
                        .optEmbeddingSize(16)
                        .optHiddenSize(16)
                        .optAttention("additive", 16)
                        .build();
        // the command line's defaults are the library's
        TrainingConfig same = TrainingConfig.builder().optEpochs(1).build();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun written = TrainingRunFolder.load(folder, manager);
            TrainingRun cached =
                    TrainedModels.loadOrTrain(
                            folder, data, config, same, manager, out, TrainingListener.NONE);
            assertTrue(cached.loaded(), said.toString(StandardCharsets.UTF_8));
            assertEquals(written.settings(), cached.settings());
            assertArrayEquals(
                    written.trained().model().getParameters().valueAt(0).getArray().toFloatArray(),
                    cached.trained().model().getParameters().valueAt(0).getArray().toFloatArray());

            TrainingConfig other =
                    TrainingConfig.builder().optEpochs(1).optLabelSmoothing(0f).build();
            TrainingRun retrained =
                    TrainedModels.loadOrTrain(
                            folder, data, config, other, manager, out, TrainingListener.NONE);
            assertFalse(retrained.loaded());
            assertTrue(
                    said.toString(StandardCharsets.UTF_8).contains("retraining: " + folder),
                    said.toString(StandardCharsets.UTF_8));
        }
    }
}
