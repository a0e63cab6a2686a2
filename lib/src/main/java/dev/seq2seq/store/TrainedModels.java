package dev.seq2seq.store;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.Seq2SeqTrainer;
import dev.seq2seq.train.StopSignal;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingHistory;
import dev.seq2seq.train.TrainingListener;

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
     * @param out where the epoch lines go
     * @param listener hears every update and epoch if the model is trained, e.g. {@code
     *     viz.LiveTrainingChart}; {@link TrainingListener#NONE} for none
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
            PrintStream out,
            TrainingListener listener) {
        Optional<String> retrain =
                TrainingRunFolder.whyNotReusable(
                        folder, config, RunSettings.of(training, data), data.corpus().sha256());
        if (retrain.isEmpty()) {
            TrainingRun run = TrainingRunFolder.load(folder, manager);
            out.println(loadedLine(folder, run));
            listener.runLoaded(run.history(), run.minutes(), trainedOn(run));
            return run;
        }
        if (Files.exists(folder)) {
            out.println("retraining: " + retrain.get());
        }
        Seq2SeqModel model = Seq2SeqModel.create(config);
        TrainingRun run =
                fit(
                        model,
                        data,
                        training,
                        new TrainingHistory(),
                        manager,
                        out,
                        new StopSignal(),
                        listener);
        TrainingRunFolder.save(folder, run);
        return run;
    }

    /**
     * Says what a loaded run is, in one line: its folder, epochs, minutes and best epoch.
     *
     * @param folder the run's folder
     * @param run the loaded run
     * @return e.g. {@code loaded ../build/models/plain-full: 8 epochs in 19.2 min, best valid loss
     *     1.402 at epoch 8 (trained 2026-12-07)}
     */
    public static String loadedLine(Path folder, TrainingRun run) {
        return String.format(
                java.util.Locale.ROOT,
                "loaded %s: %d epochs in %.1f min%s (trained %s)",
                folder,
                run.history().records().size(),
                run.minutes(),
                run.history()
                        .bestByValidLoss()
                        .map(
                                b ->
                                        String.format(
                                                java.util.Locale.ROOT,
                                                ", best valid loss %.3f at epoch %d",
                                                b.validLoss(),
                                                b.epoch()))
                        .orElse(""),
                trainedOn(run));
    }

    /** The date a run was trained, from its provenance, or "earlier" if it has none. */
    private static String trainedOn(TrainingRun run) {
        String created = run.trained().provenance().created();
        return created == null ? "earlier" : created.substring(0, Math.min(10, created.length()));
    }

    /**
     * Trains a new model (seeded by {@code training.seed()}) and records its provenance, without
     * saving anything, until {@code stop} is set at the latest.
     *
     * @param data the prepared data
     * @param config the architecture (vocabulary sizes must match {@code data})
     * @param training the training settings
     * @param manager the manager that will own the parameters
     * @param out where training progress goes
     * @param stop ends training after the current batch when set (the epoch in progress is dropped)
     * @return the model with its history (empty if stopped during the first epoch); the parameters
     *     are those of the best epoch
     */
    public static TrainingRun train(
            TranslationData data,
            Seq2SeqConfig config,
            TrainingConfig training,
            NDManager manager,
            PrintStream out,
            StopSignal stop) {
        Seq2SeqModel model = Seq2SeqModel.create(config); // fit seeds and initialises it
        return fit(
                model,
                data,
                training,
                new TrainingHistory(),
                manager,
                out,
                stop,
                TrainingListener.NONE);
    }

    /**
     * Continues the run saved in {@code folder} for {@code training.epochs()} more epochs (or
     * {@code training.maxMinutes()}), from the parameters of its best epoch. Epoch numbers, the
     * learning-rate and teacher-forcing schedules, early stopping, the history and the seed carry
     * on; Adam's moments restart from zero, since DJL saves no optimizer state. Nothing is saved.
     *
     * @param folder the earlier run's folder ({@link TrainingRunFolder})
     * @param data the prepared data, which must be prepared as the earlier run's
     * @param config the architecture, which must equal the earlier run's
     * @param training the training settings, which must equal the earlier run's but for {@code
     *     epochs} and {@code maxMinutes}
     * @param manager the manager that will own the parameters
     * @param out where training progress goes
     * @param stop ends training after the current batch when set
     * @return the continued run, with the earlier epochs' records first
     * @throws IllegalArgumentException naming each difference if the settings, architecture or
     *     corpus differ from the earlier run's
     * @throws CheckpointException if the folder does not hold a complete run
     */
    public static TrainingRun resume(
            Path folder,
            TranslationData data,
            Seq2SeqConfig config,
            TrainingConfig training,
            NDManager manager,
            PrintStream out,
            StopSignal stop) {
        RunSettings saved =
                TrainingRunFolder.settings(folder)
                        .orElseThrow(
                                () ->
                                        new CheckpointException(
                                                folder,
                                                "missing " + TrainingRunFolder.SETTINGS,
                                                null));
        TrainingConfig comparable =
                training.withBudget(saved.training().epochs(), saved.training().maxMinutes());
        Optional<String> differences =
                TrainingRunFolder.whyNotReusable(
                        folder, config, RunSettings.of(comparable, data), data.corpus().sha256());
        if (differences.isPresent()) {
            throw new IllegalArgumentException("cannot resume: " + differences.get());
        }
        TrainingRun earlier = TrainingRunFolder.load(folder, manager);
        out.printf(
                "resuming %s after epoch %d (Adam's moments restart)%n",
                folder, earlier.history().lastEpoch());
        return fit(
                earlier.trained().model(),
                data,
                training,
                earlier.history(),
                manager,
                out,
                stop,
                TrainingListener.NONE);
    }

    private static TrainingRun fit(
            Seq2SeqModel model,
            TranslationData data,
            TrainingConfig training,
            TrainingHistory earlier,
            NDManager manager,
            PrintStream out,
            StopSignal stop,
            TrainingListener listener) {
        TrainingHistory history =
                Seq2SeqTrainer.builder()
                        .setModel(model)
                        .setData(data.train(), data.valid())
                        .optConfig(training)
                        .optOutput(out)
                        .optStopSignal(stop)
                        .optListener(listener)
                        .optResume(earlier)
                        .build()
                        .fit(manager);
        // the minutes of a run are the summed seconds of its epochs (training and validation), as
        // TrainingRunFolder.load computes them for a loaded run: one number for the same run
        double minutes = TrainingRunFolder.minutes(history);
        String summary =
                history.bestByValidLoss()
                        .map(
                                best ->
                                        String.format(
                                                "%d epochs%s%s in %.1f min, best valid loss %.3f at"
                                                        + " epoch %d; %s",
                                                history.lastEpoch(),
                                                earlier.lastEpoch() > 0
                                                        ? " (resumed after epoch "
                                                                + earlier.lastEpoch()
                                                                + ")"
                                                        : "",
                                                stop.isRequested() ? " (interrupted)" : "",
                                                minutes,
                                                best.validLoss(),
                                                best.epoch(),
                                                training))
                        .orElse("interrupted before the first epoch ended");
        Provenance provenance =
                Provenance.of(
                        data.corpus().name(),
                        data.corpus().sha256(),
                        data.sourceLanguage(),
                        data.targetLanguage(),
                        data.settings().units(),
                        training.seed(),
                        summary);
        TrainedModel trained =
                new TrainedModel(
                        model,
                        data.sourceVocabulary(),
                        data.targetVocabulary(),
                        provenance,
                        data.subwords(),
                        data.truecaser());
        TrainingConfig recorded =
                training.withBudget(earlier.lastEpoch() + training.epochs(), training.maxMinutes());
        return new TrainingRun(trained, history, RunSettings.of(recorded, data), false, minutes);
    }
}
