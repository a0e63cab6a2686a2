package dev.seq2seq.train;

import dev.seq2seq.store.TrainedModels;

/**
 * Hears a training run while it goes, as DJL's {@code TrainingListener} hears a {@code Trainer}:
 * after every update, after every epoch and at the end. {@link Seq2SeqTrainer} calls it from its
 * own thread, between updates; a listener must return quickly (a chart redrawn every few seconds is
 * fine, work on every update is not). Every method does nothing by default.
 */
public interface TrainingListener {

    /** A listener that hears nothing. */
    TrainingListener NONE = new TrainingListener() {};

    /**
     * Called once, before the first update.
     *
     * @param progress the run's plan: epoch and update counts at zero
     */
    default void trainingStarted(TrainingProgress progress) {}

    /**
     * Called after each update.
     *
     * @param progress where the run is now
     */
    default void batchEnded(TrainingProgress progress) {}

    /**
     * Called after each complete epoch, once its validation is done.
     *
     * @param record what the epoch measured
     * @param progress where the run is now
     */
    default void epochEnded(EpochRecord record, TrainingProgress progress) {}

    /**
     * Called once at the end, after the best epoch's parameters are restored.
     *
     * @param history one record per complete epoch
     * @param progress where the run ended
     */
    default void trainingEnded(TrainingHistory history, TrainingProgress progress) {}

    /**
     * Called instead of all the others when a finished run is loaded from its folder rather than
     * trained ({@link TrainedModels#loadOrTrain(java.nio.file.Path,
     * dev.seq2seq.data.TranslationData, dev.seq2seq.nn.Seq2SeqConfig, TrainingConfig,
     * ai.djl.ndarray.NDManager, java.io.PrintStream, TrainingListener)}), so that a listener that
     * shows training can show the recorded one.
     *
     * @param history the loaded run's records, one per complete epoch
     * @param minutes the run's recorded training time, in minutes
     * @param trainedOn the date the run was trained (ISO, e.g. {@code 2026-12-07}), or {@code
     *     "earlier"} if its folder does not say
     */
    default void runLoaded(TrainingHistory history, double minutes, String trainedOn) {}
}
