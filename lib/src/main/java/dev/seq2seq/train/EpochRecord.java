package dev.seq2seq.train;

import ai.djl.util.Preconditions;

import dev.seq2seq.loss.TokenStats;

/**
 * What one training epoch measured. Losses are mean negative log-likelihoods per target token in
 * nats (token-weighted, e.g. {@link TokenStats#meanNll()}), accuracies are token accuracies in [0,
 * 1]; a value that was not measured is NaN.
 *
 * @param epoch the 1-based epoch number
 * @param trainLoss the mean training loss per target token over the epoch
 * @param validLoss the mean validation NLL per target token (unsmoothed, so that {@link
 *     #perplexity()} is a perplexity)
 * @param trainAccuracy the training token accuracy
 * @param validAccuracy the validation token accuracy
 * @param tokensPerSecond training target tokens per second of training time
 * @param elapsedSeconds the wall-clock seconds of this epoch, training and validation
 * @param learningRate the learning rate at the end of the epoch
 * @param validMetric the validation metric the trainer was given ({@code
 *     Seq2SeqTrainer.Builder.optValidationMetric}, such as BLEU from 0 to 100), NaN when none
 */
public record EpochRecord(
        int epoch,
        double trainLoss,
        double validLoss,
        double trainAccuracy,
        double validAccuracy,
        double tokensPerSecond,
        double elapsedSeconds,
        double learningRate,
        double validMetric) {

    /**
     * Checks the epoch number.
     *
     * @throws IllegalArgumentException if {@code epoch < 1}
     */
    public EpochRecord {
        Preconditions.checkArgument(epoch >= 1, "epoch must be >= 1, got " + epoch);
    }

    /**
     * Returns the validation perplexity {@code exp(validLoss)}.
     *
     * @return the perplexity, NaN when the validation loss is NaN
     */
    public double perplexity() {
        return Math.exp(validLoss);
    }

    /**
     * Returns whether a validation metric was recorded.
     *
     * @return false when {@link #validMetric()} is NaN
     */
    public boolean hasValidMetric() {
        return !Double.isNaN(validMetric);
    }

    /**
     * Returns the one-line summary the trainer prints after each epoch.
     *
     * @return e.g. {@code epoch 3: train loss 1.813, valid loss 1.751 (ppl 5.8), valid acc 66.1%,
     *     ...}
     */
    public String summary() {
        EpochRecord r = this;
        return String.format(
                "epoch %d: train loss %.3f, valid loss %.3f (ppl %.1f), valid acc %.1f%%%s, %,.0f tokens/s, %.0f s",
                r.epoch(),
                r.trainLoss(),
                r.validLoss(),
                r.perplexity(),
                100 * r.validAccuracy(),
                r.hasValidMetric() ? String.format(", valid metric %.2f", r.validMetric()) : "",
                r.tokensPerSecond(),
                r.elapsedSeconds());
    }
}
