package dev.seq2seq.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.Seq2SeqDataset;
import dev.seq2seq.nn.Seq2SeqModel;

import java.io.PrintStream;
import java.util.function.Consumer;
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

    private final Seq2SeqModel model;
    private final Seq2SeqDataset train;
    private final Seq2SeqDataset valid;
    private final TrainingConfig config;
    private final ToDoubleFunction<Seq2SeqModel> metric;
    private final boolean stopOnMetric;
    private final Consumer<EpochRecord> listener;
    private final PrintStream out;
    private final StopSignal stop;
    private final TrainingHistory earlier;

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
        Run run = new Run(manager);
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
        run.best.restore(manager);
        return run.history;
    }

    /**
     * Seeds the engine for a run, in the one place that does: the model's initialisation (when not
     * yet done) and then dropout and scheduled sampling each start from {@code seed}.
     */
    private void seedAndInitialize(NDManager manager) {
        if (!model.isInitialized()) {
            Seeds.seedEverything(config.seed());
            model.initialize(manager);
        }
        Seeds.seedEverything(config.seed() + earlier.lastEpoch());
        for (Pair<String, Parameter> p : model.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (p.getValue().requiresGradient() && !array.hasGradient()) {
                array.setRequiresGradient(true); // loaded parameters (a resumed run) have none
            }
        }
    }

    /**
     * The learning-rate schedule over updates: {@code config.learningRate()}, multiplied by {@code
     * config.learningRateDecay()} over each epoch of {@code batchesPerEpoch} updates.
     */
    private Tracker learningRateSchedule(int batchesPerEpoch) {
        float factor = (float) Math.pow(config.learningRateDecay(), 1.0 / batchesPerEpoch);
        return Tracker.factor().setBaseValue(config.learningRate()).setFactor(factor).build();
    }

    /** Early stopping on the validation loss, or on the metric with {@code optStopOnMetric}. */
    private EarlyStopping earlyStopping() {
        return EarlyStopping.builder()
                .setMode(stopOnMetric ? EarlyStopping.Mode.MAXIMIZE : EarlyStopping.Mode.MINIMIZE)
                .setPatience(config.patience() == 0 ? Integer.MAX_VALUE : config.patience())
                .build();
    }

    /** The state of one call to {@link #fit}: each step of an epoch is one method. */
    private final class Run {
        private final NDManager manager;
        private final BucketSampler sampler;
        private final int batchesPerEpoch;
        private final Tracker learningRate;
        private final TrainingStep trainingStep;
        private final TeacherForcingSchedule schedule = config.schedule();
        private final EarlyStopping stopping = earlyStopping();
        private final TimeLimit timeLimit = TimeLimit.ofMinutes(config.maxMinutes());
        private final BestParameters best = new BestParameters(model);
        private final TrainingHistory history = new TrainingHistory();
        private long step;

        Run(NDManager manager) {
            seedAndInitialize(manager);
            this.manager = manager;
            this.sampler =
                    BucketSampler.builder()
                            .setBatchSize(config.batchSize())
                            .optSeed(config.seed())
                            .build();
            this.batchesPerEpoch = sampler.batches(train.pairs(), 1).size();
            resume();
            this.learningRate = learningRateSchedule(batchesPerEpoch);
            this.trainingStep =
                    new TrainingStep(
                            model,
                            manager,
                            learningRate,
                            config.labelSmoothing(),
                            config.clipNorm());
        }

        /**
         * Continues after the earlier epochs: their records, the schedules' step (as if each
         * earlier epoch was complete) and early stopping's state; the model's parameters, those of
         * the earlier best epoch, are the best so far.
         */
        private void resume() {
            for (EpochRecord r : earlier.records()) {
                history.add(r);
                stopping.update(stopOnMetric ? r.validBleu() : r.validLoss());
            }
            step = (long) earlier.lastEpoch() * batchesPerEpoch;
            if (earlier.lastEpoch() > 0) {
                best.save();
            }
        }

        /** One pass over the shuffled training batches, stopping early if time runs out. */
        TokenStats trainOneEpoch(int epoch) {
            TokenStats stats = TokenStats.ZERO;
            try (Progress progress =
                    Progress.builder()
                            .setTask("epoch " + epoch)
                            .setTotal(batchesPerEpoch)
                            .optUnit("batches")
                            .optOutput(out)
                            .build()) {
                for (Seq2SeqBatch batch : train.batches(manager, sampler, epoch)) {
                    try (batch) {
                        double ratio = schedule.ratio(step++);
                        stats = stats.plus(trainingStep.run(batch, ratio));
                    }
                    progress.step();
                    progress.setExtraMessage(String.format("loss %.3f", stats.meanNll()));
                    if (timeLimit.expired() || stop.isRequested()) {
                        break;
                    }
                }
            }
            return stats;
        }

        /** Validation loss and accuracy, the optional metric, and the epoch's record. */
        EpochRecord validate(int epoch, TokenStats trainStats, long start) {
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            TokenStats validStats =
                    TeacherForcedEvaluation.of(model, manager, valid.pairs(), config.batchSize())
                            .stats();
            double metricValue = metric == null ? Double.NaN : metric.applyAsDouble(model);
            EpochRecord record =
                    new EpochRecord(
                            epoch,
                            trainStats.meanNll(),
                            validStats.meanNll(),
                            trainStats.accuracy(),
                            validStats.accuracy(),
                            trainStats.tokens() / trainSeconds,
                            (System.nanoTime() - start) / 1e9,
                            learningRate.getNewValue((int) Math.min(Integer.MAX_VALUE, step)),
                            metricValue);
            history.add(record);
            return record;
        }

        /** The epoch line, a warning about skipped updates, and the listener. */
        void report(EpochRecord record) {
            out.println(record.summary());
            if (trainingStep.skippedUpdates() > 0) {
                out.printf(
                        "warning: %d updates skipped so far (NaN or infinite gradient norm)%n",
                        trainingStep.skippedUpdates());
            }
            if (listener != null) {
                listener.accept(record);
            }
        }

        /** Feeds early stopping and keeps the parameters when the monitored value improved. */
        void keepIfBest(EpochRecord record) {
            if (stopping.update(stopOnMetric ? record.validBleu() : record.validLoss())) {
                best.save();
            }
        }

        /** Whether early stopping, the time limit or the stop signal ends the run. */
        boolean shouldStop() {
            return stopping.shouldStop() || timeLimit.expired() || stop.isRequested();
        }
    }

    /** Builds a {@link Seq2SeqTrainer}. */
    public static final class Builder {
        private Seq2SeqModel model;
        private Seq2SeqDataset train;
        private Seq2SeqDataset valid;
        private TrainingConfig config = TrainingConfig.builder().build();
        private ToDoubleFunction<Seq2SeqModel> metric;
        private boolean stopOnMetric;
        private Consumer<EpochRecord> listener;
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
         * recorded as {@link EpochRecord#validBleu()}.
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
         * @param listener called after each epoch, e.g. to save a checkpoint
         * @return this builder
         */
        public Builder optEpochListener(Consumer<EpochRecord> listener) {
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
