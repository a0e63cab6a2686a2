package dev.seq2seq.store;

import dev.seq2seq.train.TrainingHistory;

/**
 * A training run: the trained model with its history and settings, as {@link
 * TrainedModels#loadOrTrain} and {@link TrainedModels#train} return it and as {@link
 * TrainingRunFolder} saves and loads it.
 *
 * @param trained the model, vocabularies and provenance
 * @param history one record per epoch
 * @param settings the training and data settings
 * @param loaded whether it was loaded from an earlier run's folder instead of trained now
 * @param minutes the training time in minutes (of the earlier run when loaded)
 */
public record TrainingRun(
        TrainedModel trained,
        TrainingHistory history,
        RunSettings settings,
        boolean loaded,
        double minutes) {}
