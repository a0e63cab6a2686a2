package dev.seq2seq.train;

/**
 * A trained model with its history, as {@link TrainedModels#loadOrTrain} returns it.
 *
 * @param trained the model, vocabularies and provenance
 * @param history one record per epoch
 * @param loaded whether it was loaded from an earlier run's checkpoint instead of trained now
 * @param minutes the training time in minutes (of the earlier run when loaded)
 */
public record TrainingRun(
        TrainedModel trained, TrainingHistory history, boolean loaded, double minutes) {}
