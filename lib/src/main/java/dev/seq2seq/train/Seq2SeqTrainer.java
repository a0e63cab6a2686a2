package dev.seq2seq.train;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.Seq2SeqDataset;
import dev.seq2seq.loss.TokenStats;
import dev.seq2seq.model.Seq2SeqModel;

import java.io.PrintStream;
import java.util.function.ToDoubleFunction;

/**
 * The training loop of a {@link Seq2SeqModel}, written out: for each batch, a teacher-forced (or
 * scheduled-sampling) forward pass, the masked cross-entropy, backward, global-norm gradient
 * clipping and an Adam update; after each epoch, validation loss and accuracy (and an optional
 * metric such as BLEU), a history record and early stopping. At the end the parameters of the best
 * epoch are restored: lowest validation loss, or highest metric with {@code optStopOnMetric}.
 *
 * <p>A {@link StopSignal} (e.g. set on Ctrl-C) ends the run after the current batch: the epoch in
 * progress is dropped and the best epoch so far is restored. A run can be resumed from a saved one
 * ({@link Builder#optResume}): epoch numbers, the learning-rate and teacher-forcing schedules and
 * early stopping continue where the history ends; Adam's moments restart from zero (DJL does not
 * save an optimizer's state with the parameters).
 *
 * <p>Memory: every batch owns its tensors and is closed after its update; the training run keeps
 * only the parameters, their gradients and the optimizer state.
 */
public final class Seq2SeqTrainer {

    final Seq2SeqModel model;
    final Seq2SeqDataset train;
    final Seq2SeqDataset valid;
    final TrainingConfig config;
    final ToDoubleFunction<Seq2SeqModel> metric;
    final boolean stopOnMetric;
    final TrainingListener listener;
    final PrintStream out;
    final StopSignal stop;
    final TrainingHistory earlier;

    private Seq2SeqTrainer(Builder builder) {
        this.model = builder.model;
        this.train = builder.train;
        this.valid = builder.valid;
        this.config = builder.config;
        this.metric = builder.metric;
        this.stopOnMetric = builder.stopOnMetric;
        this.listener = builder.listener;
        this.out = builder.out;
        this.stop = builder.stop;
        this.earlier = builder.earlier;
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
     * Trains the model: seeds the engine with {@code config.seed()} (and initialises the model
     * first, seeded the same way, if it is not yet), then runs {@code config.epochs()} epochs or
     * until early stopping, the time limit or the stop signal, and restores the parameters of the
     * best epoch. When resuming, the epochs are numbered after the earlier ones and the seed is
     * {@code config.seed() + first epoch - 1}, so a resumed epoch does not replay epoch 1's
     * dropout.
     *
     * @param manager the manager that owns (or will own) the model's parameters
     * @return one record per epoch, the earlier run's first when resuming
     */
    public TrainingHistory fit(NDManager manager) {
        FitRun run = new FitRun(this, manager);
        int first = earlier.lastEpoch() + 1;
        for (int epoch = first; epoch < first + config.epochs(); epoch++) {
            long start = System.nanoTime();
            TokenStats trainStats = run.trainOneEpoch(epoch);
            if (stop.isRequested()) {
                break; // the epoch in progress is dropped
            }
            EpochRecord record = run.validate(epoch, trainStats, start);
            run.report(record);
            run.keepIfBest(record);
            if (run.shouldStop()) {
                break;
            }
        }
        run.best().restore(manager);
        run.ended();
        return run.history();
    }

    /** Builds a {@link Seq2SeqTrainer}. */
    public static final class Builder {
        private Seq2SeqModel model;
        private Seq2SeqDataset train;
        private Seq2SeqDataset valid;
        private TrainingConfig config = TrainingConfig.builder().build();
        private ToDoubleFunction<Seq2SeqModel> metric;
        private boolean stopOnMetric;
        private TrainingListener listener = TrainingListener.NONE;
        private PrintStream out = System.out;
        private StopSignal stop = new StopSignal();
        private TrainingHistory earlier = new TrainingHistory();

        private Builder() {}

        /**
         * @param stop checked after each batch; when set, the run ends with the best epoch so far
         *     and the epoch in progress is dropped
         * @return this builder
         */
        public Builder optStopSignal(StopSignal stop) {
            this.stop = stop;
            return this;
        }

        /**
         * Resumes a run: the model must hold the parameters of the earlier run's best epoch (as its
         * checkpoint does); {@code config.epochs()} then counts the further epochs.
         *
         * @param earlier the earlier run's history
         * @return this builder
         */
        public Builder optResume(TrainingHistory earlier) {
            this.earlier = earlier;
            return this;
        }

        /**
         * @param model the model (required); if it is not initialised yet, {@link #fit} initialises
         *     it after seeding the engine with the configuration's seed
         * @return this builder
         */
        public Builder setModel(Seq2SeqModel model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the training and validation data (required).
         *
         * @param train the training data
         * @param valid the validation data
         * @return this builder
         */
        public Builder setData(Seq2SeqDataset train, Seq2SeqDataset valid) {
            this.train = train;
            this.valid = valid;
            return this;
        }

        /**
         * @param config how to train (default {@code TrainingConfig.builder().build()})
         * @return this builder
         */
        public Builder optConfig(TrainingConfig config) {
            this.config = config;
            return this;
        }

        /**
         * Adds a validation metric computed after each epoch, such as BLEU of greedy translations,
         * recorded as {@link EpochRecord#validMetric()}.
         *
         * @param metric computes the metric from the model
         * @return this builder
         */
        public Builder optValidationMetric(ToDoubleFunction<Seq2SeqModel> metric) {
            this.metric = metric;
            return this;
        }

        /**
         * Makes early stopping and the restored best epoch follow the validation metric (higher is
         * better, e.g. BLEU) instead of the validation loss. Requires {@link #optValidationMetric}.
         *
         * @param stopOnMetric whether to monitor the metric (default false)
         * @return this builder
         */
        public Builder optStopOnMetric(boolean stopOnMetric) {
            this.stopOnMetric = stopOnMetric;
            return this;
        }

        /**
         * @param listener hears every update, every epoch (e.g. to save a checkpoint) and the end,
         *     e.g. {@code viz.LiveTrainingChart} for a chart that updates in a notebook
         * @return this builder
         */
        public Builder optListener(TrainingListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * @param out where progress and epoch lines go (default standard output)
         * @return this builder
         */
        public Builder optOutput(PrintStream out) {
            this.out = out;
            return this;
        }

        /**
         * Builds the trainer.
         *
         * @return the trainer
         * @throws IllegalStateException if the model or data are missing
         */
        public Seq2SeqTrainer build() {
            if (model == null || train == null || valid == null) {
                throw new IllegalStateException("Seq2SeqTrainer needs setModel and setData");
            }
            if (stopOnMetric && metric == null) {
                throw new IllegalStateException("optStopOnMetric(true) needs optValidationMetric");
            }
            if (train.size() == 0) {
                throw new IllegalStateException("the training data is empty");
            }
            return new Seq2SeqTrainer(this);
        }
    }
}
