package dev.seq2seq.train;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.Seq2SeqModel;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Trains a model once and reuses it: notebooks that compare against an earlier notebook's model
 * load its run when one exists for the same data, architecture and training settings, and train it
 * (and save it) otherwise, so each notebook also runs on its own. The folder is a {@link
 * TrainingRunFolder}, so a model trained by the command line's {@code train} with the same settings
 * is reused too.
 */
public final class TrainedModels {

    private TrainedModels() {}

    /**
     * Loads the run in {@code folder} if it was trained with the same settings on the same data, or
     * trains and saves it. A folder with no run, or one trained with other settings (said on {@code
     * out}), means training.
     *
     * @param folder the run's folder
     * @param data the prepared data
     * @param config the architecture (vocabulary sizes must match {@code data})
     * @param training the training settings
     * @param manager the manager that will own the parameters
     * @param out where training progress goes
     * @return the model with its history
     * @throws CheckpointException naming the file if the folder holds a run that is incomplete,
     *     truncated or malformed (it is not silently replaced)
     * @throws UncheckedIOException if the folder cannot be written
     */
    public static TrainingRun loadOrTrain(
            Path folder,
            TranslationData data,
            Seq2SeqConfig config,
            TrainingConfig training,
            NDManager manager,
            PrintStream out) {
        Optional<String> retrain =
                TrainingRunFolder.whyNotReusable(
                        folder, config, RunSettings.of(training, data), data.corpus().sha256());
        if (retrain.isEmpty()) {
            TrainingRun run = TrainingRunFolder.load(folder, manager);
            out.printf(
                    "loaded %s (trained earlier: %s)%n",
                    folder, run.trained().provenance().trainingSummary());
            return run;
        }
        if (Files.exists(folder)) {
            out.println("retraining: " + retrain.get());
        }
        TrainingRun run = train(data, config, training, manager, out);
        TrainingRunFolder.save(folder, run);
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
        return new TrainingRun(trained, history, RunSettings.of(training, data), false, minutes);
    }
}
