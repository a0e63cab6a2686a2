package dev.seq2seq.train;

/**
 * Where a training run is, as {@link TrainingListener} hears it after each update. Losses are mean
 * negative log-likelihoods per target token in nats (unsmoothed, as {@link EpochRecord}'s).
 *
 * @param epoch the epoch in progress (numbered after a resumed run's earlier epochs)
 * @param lastEpoch the last epoch the run may reach (its epoch budget; a time limit may end it
 *     sooner)
 * @param step the updates done in this run so far
 * @param plannedSteps the updates {@code lastEpoch} would take, at this run's batches per epoch
 * @param batchLoss the last batch's mean loss per target token (NaN before the first update)
 * @param batchTokens the last batch's target tokens
 * @param tokensPerSecond target tokens per second of training time in this epoch (0 at the start)
 * @param elapsedSeconds seconds since the run started, training and validation
 * @param secondsToGo the estimated seconds until the run ends (epoch budget or time limit,
 *     validation included), NaN while there is nothing to estimate from
 * @param timeLimited whether the time limit, not the epoch budget, is expected to end the run
 */
public record TrainingProgress(
        int epoch,
        int lastEpoch,
        long step,
        long plannedSteps,
        double batchLoss,
        long batchTokens,
        double tokensPerSecond,
        double elapsedSeconds,
        double secondsToGo,
        boolean timeLimited) {}
