package dev.seq2seq.train;

import ai.djl.util.Preconditions;

/**
 * Early stopping on a validation metric: stop when the metric has not improved on its best value
 * for {@code patience} epochs in a row (the patience rule of Goodfellow, Bengio and Courville 2016,
 * "Deep Learning", algorithm 7.1). An epoch improves when it beats the best value so far by more
 * than {@code minDelta}: lower for {@link Mode#MINIMIZE} (validation loss), higher for {@link
 * Mode#MAXIMIZE} (BLEU).
 *
 * <pre>{@code
 * EarlyStopping stopping = EarlyStopping.builder().setMode(Mode.MINIMIZE).setPatience(3).build();
 * for (int epoch = 1; epoch <= maxEpochs && !stopping.shouldStop(); epoch++) {
 *     double validLoss = trainAndValidate(epoch);
 *     if (stopping.update(validLoss)) {
 *         saveCheckpoint(epoch); // the best model so far
 *     }
 * }
 * }</pre>
 *
 * <p>Mutable and not thread-safe: one instance follows one training run.
 */
public final class EarlyStopping {

    /** Whether smaller or larger values are better. */
    public enum Mode {
        /** Smaller is better, e.g. validation loss or perplexity. */
        MINIMIZE,
        /** Larger is better, e.g. BLEU or accuracy. */
        MAXIMIZE
    }

    private final Mode mode;
    private final int patience;
    private final double minDelta;
    private int epochs;
    private int bestEpoch;
    private double bestValue = Double.NaN;

    private EarlyStopping(Builder builder) {
        this.mode = builder.mode;
        this.patience = builder.patience;
        this.minDelta = builder.minDelta;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records the metric of the next epoch. The first finite value always improves; NaN never does
     * (a diverged epoch counts against the patience).
     *
     * @param value the epoch's metric
     * @return whether it improved on the best value by more than {@code minDelta}, i.e. whether to
     *     save a checkpoint
     */
    public boolean update(double value) {
        epochs++;
        boolean improved;
        if (Double.isNaN(value)) {
            improved = false;
        } else if (bestEpoch == 0) {
            improved = true;
        } else if (mode == Mode.MINIMIZE) {
            improved = value < bestValue - minDelta;
        } else {
            improved = value > bestValue + minDelta;
        }
        if (improved) {
            bestValue = value;
            bestEpoch = epochs;
        }
        return improved;
    }

    /**
     * Returns whether the last {@code patience} epochs brought no improvement.
     *
     * @return true to stop training
     */
    public boolean shouldStop() {
        return epochsWithoutImprovement() >= patience;
    }

    /**
     * Returns the number of epochs since the best one (all epochs if none improved).
     *
     * @return the count, &ge; 0
     */
    public int epochsWithoutImprovement() {
        return epochs - bestEpoch;
    }

    /**
     * Returns the best value seen.
     *
     * @return the best value, NaN before the first finite update
     */
    public double bestValue() {
        return bestValue;
    }

    /**
     * Returns the 1-based number of the update that gave the best value.
     *
     * @return the epoch, 0 before the first improvement
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * Returns the number of updates so far.
     *
     * @return the number of epochs seen
     */
    public int epochs() {
        return epochs;
    }

    @Override
    public String toString() {
        return "EarlyStopping["
                + mode
                + ", patience "
                + patience
                + ", minDelta "
                + minDelta
                + ", best "
                + bestValue
                + " at epoch "
                + bestEpoch
                + " of "
                + epochs
                + "]";
    }

    /** Builds an {@link EarlyStopping}. */
    public static final class Builder {
        private Mode mode;
        private int patience;
        private double minDelta;

        private Builder() {}

        /**
         * Sets whether smaller or larger values are better (required).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder setMode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * Sets how many epochs without improvement to allow before stopping (required).
         *
         * @param patience the number of epochs, &ge; 1
         * @return this builder
         */
        public Builder setPatience(int patience) {
            this.patience = patience;
            return this;
        }

        /**
         * Sets the smallest change that counts as an improvement (default 0: any change), in the
         * metric's units.
         *
         * @param minDelta the margin, finite and &ge; 0
         * @return this builder
         */
        public Builder optMinDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /**
         * Builds the early stopping monitor.
         *
         * @return the monitor
         * @throws IllegalArgumentException if the mode is missing, the patience is &lt; 1, or the
         *     margin is negative or not finite
         */
        public EarlyStopping build() {
            Preconditions.checkArgument(
                    mode != null, "EarlyStopping needs setMode(Mode.MINIMIZE or Mode.MAXIMIZE)");
            Preconditions.checkArgument(
                    patience >= 1,
                    "EarlyStopping needs setPatience(n) with n >= 1, got " + patience);
            if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
                throw new IllegalArgumentException(
                        "minDelta must be finite and >= 0, got " + minDelta);
            }
            return new EarlyStopping(this);
        }
    }
}
