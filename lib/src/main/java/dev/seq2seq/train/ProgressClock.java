package dev.seq2seq.train;

import java.util.function.LongSupplier;

/**
 * Keeps the times a {@link TrainingProgress} reports and estimates the time to go: the updates left
 * at this run's rate of updates, plus one validation per epoch left at the last one's duration, or
 * the time limit's remainder plus one validation, whichever ends first.
 */
final class ProgressClock {

    private final int firstEpoch;
    private final int lastEpoch;
    private final long batchesPerEpoch;
    private final double limitSeconds; // 0: none
    private final LongSupplier clock;
    private final long start;
    private long trainNanos; // updates only, all epochs
    private long epochTrainNanos;
    private long epochTokens;
    private long lastBatchEnd;
    private double validSeconds;

    ProgressClock(
            int firstEpoch,
            int lastEpoch,
            long batchesPerEpoch,
            double limitMinutes,
            LongSupplier clock) {
        this.firstEpoch = firstEpoch;
        this.lastEpoch = lastEpoch;
        this.batchesPerEpoch = batchesPerEpoch;
        this.limitSeconds = limitMinutes * 60;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastBatchEnd = start;
    }

    /** Starts an epoch's clock. */
    void epochStarted() {
        lastBatchEnd = clock.getAsLong();
        epochTrainNanos = 0;
        epochTokens = 0;
    }

    /** Records an update that ended now; returns the progress after it. */
    TrainingProgress batchEnded(int epoch, long step, double loss, long tokens) {
        long now = clock.getAsLong();
        trainNanos += now - lastBatchEnd;
        epochTrainNanos += now - lastBatchEnd;
        lastBatchEnd = now;
        epochTokens += tokens;
        return progress(epoch, step, loss, tokens, lastEpoch - epoch + 1, now);
    }

    /** Records that the epoch's validation ended now; returns the progress after it. */
    TrainingProgress epochEnded(int epoch, long step) {
        long now = clock.getAsLong();
        validSeconds = (now - lastBatchEnd) / 1e9;
        return progress(epoch, step, Double.NaN, 0, lastEpoch - epoch, now);
    }

    /** The progress before the first update. */
    TrainingProgress started() {
        return progress(
                firstEpoch, 0, Double.NaN, 0, lastEpoch - firstEpoch + 1, clock.getAsLong());
    }

    /** The progress at the end: nothing to go. */
    TrainingProgress ended(int epoch, long step) {
        TrainingProgress p = progress(epoch, step, Double.NaN, 0, 0, clock.getAsLong());
        return new TrainingProgress(
                p.epoch(),
                p.lastEpoch(),
                p.step(),
                p.plannedSteps(),
                p.batchLoss(),
                p.batchTokens(),
                p.tokensPerSecond(),
                p.elapsedSeconds(),
                0,
                p.timeLimited());
    }

    private TrainingProgress progress(
            int epoch, long step, double loss, long tokens, int validationsLeft, long now) {
        long planned = (lastEpoch - firstEpoch + 1) * batchesPerEpoch;
        double elapsed = (now - start) / 1e9;
        double rate = epochTrainNanos > 0 ? epochTokens / (epochTrainNanos / 1e9) : 0;
        double byEpochs = Double.NaN;
        if (step > 0 && trainNanos > 0) {
            double secondsPerStep = trainNanos / 1e9 / step;
            byEpochs = (planned - step) * secondsPerStep + validationsLeft * validSeconds;
        }
        boolean limited = false;
        double toGo = byEpochs;
        if (limitSeconds > 0) {
            double byLimit =
                    Math.max(0, limitSeconds - elapsed) + (validationsLeft > 0 ? validSeconds : 0);
            if (Double.isNaN(byEpochs) || byLimit < byEpochs) {
                toGo = byLimit;
                limited = true;
            }
        }
        return new TrainingProgress(
                epoch,
                lastEpoch,
                step,
                planned,
                loss,
                tokens,
                rate,
                elapsed,
                Math.max(0, toGo),
                limited);
    }
}
