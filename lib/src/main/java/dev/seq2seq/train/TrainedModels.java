package dev.seq2seq.train;

import ai.djl.ndarray.NDManager;

import com.google.gson.Gson;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.Seq2SeqModel;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains a model once and reuses it: notebooks that compare against an earlier notebook's model
 * load its checkpoint when one exists for the same data, architecture and training settings, and
 * train it (and save it) otherwise, so each notebook also runs on its own.
 *
 * <p>Besides the {@link Checkpoint} files the folder holds {@code training.json} (the {@link
 * TrainingConfig} and the number of training and validation pairs) and {@code history.csv}; a
 * checkpoint is reused only if its {@code config.json}, {@code training.json} and data hash all
 * match.
 */
public final class TrainedModels {

    private static final Gson GSON = new Gson();
    private static final String TRAINING = "training.json";
    private static final String HISTORY = "history.csv";

    private TrainedModels() {}

    /** What {@code training.json} records: the settings and the size of the data they saw. */
    private record RunSettings(TrainingConfig training, int trainPairs, int validPairs) {
        static RunSettings of(TrainingConfig training, TranslationData data) {
            return new RunSettings(training, data.train().size(), data.valid().size());
        }
    }

    /**
     * Loads the model in {@code folder} if it was trained with the same settings on the same data,
     * or trains and saves it.
     *
     * @param folder the checkpoint folder
     * @param data the prepared data
     * @param config the architecture (vocabulary sizes must match {@code data})
     * @param training the training settings
     * @param manager the manager that will own the parameters
     * @param out where training progress goes
     * @return the model with its history
     * @throws UncheckedIOException if the folder cannot be written
     */
    public static TrainingRun loadOrTrain(
            Path folder,
            TranslationData data,
            Seq2SeqConfig config,
            TrainingConfig training,
            NDManager manager,
            PrintStream out) {
        if (matches(folder, data, config, training)) {
            TrainedModel trained = Checkpoint.load(folder, manager);
            TrainingHistory history = readHistory(folder);
            double minutes =
                    history.records().stream().mapToDouble(EpochRecord::elapsedSeconds).sum() / 60;
            out.printf(
                    "loaded %s (trained earlier: %s)%n",
                    folder, trained.provenance().trainingSummary());
            return new TrainingRun(trained, history, true, minutes);
        }
        TrainingRun run = train(data, config, training, manager, out);
        Checkpoint.save(folder, run.trained());
        try {
            run.history().save(folder.resolve(HISTORY));
            Files.writeString(
                    folder.resolve(TRAINING), GSON.toJson(RunSettings.of(training, data)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder, e);
        }
        return run;
    }

    /**
     * Trains a new model (seeded by {@code training.seed()}) and records its provenance, without
     * saving anything.
     *
     * @param data the prepared data
     * @param config the architecture (vocabulary sizes must match {@code data})
     * @param training the training settings
     * @param manager the manager that will own the parameters
     * @param out where training progress goes
     * @return the model with its history; the parameters are those of the best epoch
     */
    public static TrainingRun train(
            TranslationData data,
            Seq2SeqConfig config,
            TrainingConfig training,
            NDManager manager,
            PrintStream out) {
        Seq2SeqModel model = Seq2SeqModel.create(config); // fit seeds and initialises it
        long start = System.nanoTime();
        TrainingHistory history =
                Seq2SeqTrainer.builder()
                        .setModel(model)
                        .setData(data.train(), data.valid())
                        .optConfig(training)
                        .optOutput(out)
                        .build()
                        .fit(manager);
        double minutes = (System.nanoTime() - start) / 60e9;
        EpochRecord best = history.bestByValidLoss().orElseThrow();
        String summary =
                String.format(
                        "%d epochs in %.1f min, best valid loss %.3f at epoch %d; %s",
                        history.lastEpoch(), minutes, best.validLoss(), best.epoch(), training);
        Provenance provenance =
                Provenance.of(
                        data.corpus().name(),
                        data.corpus().sha256(),
                        data.sourceLanguage(),
                        data.targetLanguage(),
                        training.seed(),
                        summary);
        TrainedModel trained =
                new TrainedModel(
                        model, data.sourceVocabulary(), data.targetVocabulary(), provenance);
        return new TrainingRun(trained, history, false, minutes);
    }

    private static boolean matches(
            Path folder, TranslationData data, Seq2SeqConfig config, TrainingConfig training) {
        try {
            if (!Files.isRegularFile(folder.resolve(TRAINING))
                    || !Files.isRegularFile(folder.resolve(HISTORY))) {
                return false;
            }
            Seq2SeqConfig saved =
                    Seq2SeqConfig.fromJson(Files.readString(folder.resolve(Checkpoint.CONFIG)));
            RunSettings settings =
                    GSON.fromJson(Files.readString(folder.resolve(TRAINING)), RunSettings.class);
            Provenance provenance =
                    Provenance.fromJson(Files.readString(folder.resolve(Checkpoint.PROVENANCE)));
            return saved.equals(config)
                    && RunSettings.of(training, data).equals(settings)
                    && data.corpus().sha256().equals(provenance.dataSha256());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static TrainingHistory readHistory(Path folder) {
        try {
            return TrainingHistory.load(folder.resolve(HISTORY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
