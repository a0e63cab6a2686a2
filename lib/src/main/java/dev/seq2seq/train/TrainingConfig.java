package dev.seq2seq.train;

import static dev.seq2seq.Checks.check;

/**
 * How to train: immutable, recorded with each run.
 *
 * @param epochs the maximum number of epochs
 * @param maxMinutes a wall-clock budget in minutes (0 for none): training stops, validates and
 *     returns once it is spent, even mid-epoch
 * @param batchSize B, sentence pairs per batch
 * @param learningRate Adam's initial learning rate
 * @param learningRateDecay the factor applied to the learning rate after each epoch (1 for none)
 * @param clipNorm the maximum global gradient norm (Pascanu et al. 2013), 0 for no clipping
 * @param labelSmoothing ε of label smoothing (Szegedy et al. 2016), 0 for none
 * @param teacherForcing the teacher-forcing schedule, in {@link TeacherForcingSchedule#parse}
 *     syntax, over training steps (batches)
 * @param patience stop after this many epochs without improvement of the validation loss (0 to
 *     never stop early)
 * @param seed the seed of parameter initialisation, dropout, sampling and shuffling
 * @param learningRateSchedule {@link LearningRateSchedule#EPOCH_DECAY} (the default; {@code null},
 *     as in settings recorded before this field existed, reads as it) or {@link
 *     LearningRateSchedule#NOAM}, which warms up to {@code learningRate} as its peak over {@code
 *     warmupSteps} updates and then decays as 1/√step ({@link NoamSchedule}), ignoring {@code
 *     learningRateDecay}
 * @param warmupSteps the Noam schedule's warm-up updates (0, as in settings recorded before this
 *     field existed, reads as the default 4000); ignored by EPOCH_DECAY
 */
public record TrainingConfig(
        int epochs,
        double maxMinutes,
        int batchSize,
        float learningRate,
        float learningRateDecay,
        double clipNorm,
        float labelSmoothing,
        String teacherForcing,
        int patience,
        long seed,
        LearningRateSchedule learningRateSchedule,
        int warmupSteps) {

    /**
     * Names every setting that applies to this run: the warm-up only for the Noam schedule, the
     * per-epoch decay only for the epoch schedule, the time budget only when there is one.
     *
     * @return e.g. {@code TrainingConfig[epochs=8, batchSize=64, learningRate=0.002,
     *     learningRateDecay=0.8, ...]}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TrainingConfig[epochs=").append(epochs);
        if (maxMinutes > 0) {
            s.append(", maxMinutes=").append(maxMinutes);
        }
        s.append(", batchSize=").append(batchSize).append(", learningRate=").append(learningRate);
        if (learningRateSchedule == LearningRateSchedule.NOAM) {
            s.append(", learningRateSchedule=NOAM, warmupSteps=").append(warmupSteps);
        } else {
            s.append(", learningRateDecay=").append(learningRateDecay);
        }
        return s.append(", clipNorm=")
                .append(clipNorm)
                .append(", labelSmoothing=")
                .append(labelSmoothing)
                .append(", teacherForcing=")
                .append(teacherForcing)
                .append(", patience=")
                .append(patience)
                .append(", seed=")
                .append(seed)
                .append(']')
                .toString();
    }

    /** The Noam schedule's default warm-up, in updates (the paper's). */
    public static final int DEFAULT_WARMUP_STEPS = 4000;

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException naming the first wrong value
     */
    public TrainingConfig {
        if (learningRateSchedule == null) {
            learningRateSchedule = LearningRateSchedule.EPOCH_DECAY;
        }
        if (warmupSteps == 0) {
            warmupSteps = DEFAULT_WARMUP_STEPS;
        }
        check(warmupSteps >= 1, "warmupSteps", warmupSteps);
        check(epochs >= 1, "epochs", epochs);
        check(maxMinutes >= 0, "maxMinutes", maxMinutes);
        check(batchSize >= 1, "batchSize", batchSize);
        check(learningRate > 0, "learningRate", learningRate);
        check(
                learningRateDecay > 0 && learningRateDecay <= 1,
                "learningRateDecay",
                learningRateDecay);
        check(clipNorm >= 0, "clipNorm", clipNorm);
        check(labelSmoothing >= 0 && labelSmoothing < 1, "labelSmoothing", labelSmoothing);
        check(patience >= 0, "patience", patience);
        TeacherForcingSchedule.parse(teacherForcing);
    }

    /**
     * Returns a builder with the defaults, those of the reference model (and of the command line's
     * {@code train}, which reads them from here): 10 epochs, no time budget, B = 64, Adam 2e-3
     * decaying by 0.8 per epoch, clipping at 1.0, label smoothing 0.1, teacher forcing 1.0, early
     * stopping after 3 epochs without improvement, seed 42.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the parsed teacher-forcing schedule.
     *
     * @return the schedule
     */
    public TeacherForcingSchedule schedule() {
        return TeacherForcingSchedule.parse(teacherForcing);
    }

    /**
     * Returns these settings with another budget, e.g. to compare a resumed run's settings with the
     * earlier run's, which may differ only in how long each part trained.
     *
     * @param epochs the maximum number of epochs
     * @param maxMinutes the wall-clock budget, 0 for none
     * @return the same settings with this budget
     */
    public TrainingConfig withBudget(int epochs, double maxMinutes) {
        return new TrainingConfig(
                epochs,
                maxMinutes,
                batchSize,
                learningRate,
                learningRateDecay,
                clipNorm,
                labelSmoothing,
                teacherForcing,
                patience,
                seed,
                learningRateSchedule,
                warmupSteps);
    }

    /** Builds a {@link TrainingConfig}; every value has a default. */
    public static final class Builder {
        private int epochs = 10;
        private double maxMinutes;
        private int batchSize = 64;
        private float learningRate = 2e-3f;
        private float learningRateDecay = 0.8f;
        private double clipNorm = 1.0;
        private float labelSmoothing = 0.1f;
        private String teacherForcing = "constant:1.0";
        private int patience = 3;
        private long seed = 42;
        private LearningRateSchedule learningRateSchedule = LearningRateSchedule.EPOCH_DECAY;
        private int warmupSteps = DEFAULT_WARMUP_STEPS;

        private Builder() {}

        /**
         * Chooses the learning-rate schedule (default EPOCH_DECAY). With NOAM the learning rate is
         * the peak, reached after {@code warmupSteps} updates.
         *
         * @param schedule the schedule
         * @param warmupSteps the Noam warm-up in updates (default 4000)
         * @return this builder
         */
        public Builder optLearningRateSchedule(LearningRateSchedule schedule, int warmupSteps) {
            this.learningRateSchedule = schedule;
            this.warmupSteps = warmupSteps;
            return this;
        }

        /**
         * @param epochs the maximum number of epochs
         * @return this builder
         */
        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * @param minutes a wall-clock budget, 0 for none
         * @return this builder
         */
        public Builder optMaxMinutes(double minutes) {
            this.maxMinutes = minutes;
            return this;
        }

        /**
         * @param batchSize B
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets Adam's learning rate and its decay factor per epoch.
         *
         * @param rate the initial rate
         * @param decayPerEpoch the factor after each epoch, in (0, 1]
         * @return this builder
         */
        public Builder optLearningRate(float rate, float decayPerEpoch) {
            this.learningRate = rate;
            this.learningRateDecay = decayPerEpoch;
            return this;
        }

        /**
         * @param clipNorm the maximum global gradient norm, 0 for none
         * @return this builder
         */
        public Builder optClipNorm(double clipNorm) {
            this.clipNorm = clipNorm;
            return this;
        }

        /**
         * @param epsilon the label smoothing ε
         * @return this builder
         */
        public Builder optLabelSmoothing(float epsilon) {
            this.labelSmoothing = epsilon;
            return this;
        }

        /**
         * Sets the probability of feeding the reference token at each training step (default {@code
         * constant:1.0}, teacher forcing); see {@link TeacherForcingSchedule}.
         *
         * @param spec a schedule spec, e.g. {@code linear:1.0:0.5:5000} (steps are batches)
         * @return this builder
         */
        public Builder optTeacherForcing(String spec) {
            this.teacherForcing = spec;
            return this;
        }

        /**
         * @param patience epochs without improvement before stopping, 0 for never
         * @return this builder
         */
        public Builder optPatience(int patience) {
            this.patience = patience;
            return this;
        }

        /**
         * @param seed the random seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the first wrong value
         */
        public TrainingConfig build() {
            return new TrainingConfig(
                    epochs,
                    maxMinutes,
                    batchSize,
                    learningRate,
                    learningRateDecay,
                    clipNorm,
                    labelSmoothing,
                    teacherForcing,
                    patience,
                    seed,
                    learningRateSchedule,
                    warmupSteps);
        }
    }
}
