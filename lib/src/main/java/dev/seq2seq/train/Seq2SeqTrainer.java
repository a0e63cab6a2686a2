package dev.seq2seq.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.Seq2SeqDataset;
import dev.seq2seq.nn.Seq2SeqModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The training loop of a {@link Seq2SeqModel}, written out: for each batch, a teacher-forced (or
 * scheduled-sampling) forward pass, the masked cross-entropy, backward, global-norm gradient
 * clipping and an Adam update; after each epoch, validation loss and accuracy (and an optional
 * metric such as BLEU), a history record and early stopping. At the end the parameters of the best
 * epoch are restored: lowest validation loss, or highest metric with {@code optStopOnMetric}.
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

    private Seq2SeqTrainer(Builder builder) {
        this.model = builder.model;
        this.train = builder.train;
        this.valid = builder.valid;
        this.config = builder.config;
        this.metric = builder.metric;
        this.stopOnMetric = builder.stopOnMetric;
        this.listener = builder.listener;
        this.out = builder.out;
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
     * Trains the model (which must be initialised on {@code manager}).
     *
     * @param manager the manager that owns the model's parameters
     * @return one record per epoch
     */
    public TrainingHistory fit(NDManager manager) {
        Seeds.seedEverything(config.seed());
        BucketSampler sampler =
                BucketSampler.builder()
                        .setBatchSize(config.batchSize())
                        .optSeed(config.seed())
                        .build();
        int batchesPerEpoch = sampler.batches(train.pairs(), 1).size();
        float factor = (float) Math.pow(config.learningRateDecay(), 1.0 / batchesPerEpoch);
        Tracker learningRate =
                Tracker.factor().setBaseValue(config.learningRate()).setFactor(factor).build();
        TrainingStep trainingStep =
                new TrainingStep(
                        model, manager, learningRate, config.labelSmoothing(), config.clipNorm());
        TeacherForcingSchedule schedule = config.schedule();
        EarlyStopping stopping =
                EarlyStopping.builder()
                        .setMode(
                                stopOnMetric
                                        ? EarlyStopping.Mode.MAXIMIZE
                                        : EarlyStopping.Mode.MINIMIZE)
                        .setPatience(config.patience() == 0 ? Integer.MAX_VALUE : config.patience())
                        .build();
        TrainingHistory history = new TrainingHistory();
        long deadline =
                config.maxMinutes() == 0
                        ? Long.MAX_VALUE
                        : System.nanoTime() + (long) (config.maxMinutes() * 60e9);
        byte[] best = null;
        long step = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
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
                    if (System.nanoTime() > deadline) {
                        break;
                    }
                }
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            TokenStats validStats = evaluate(model, valid, manager, config.batchSize());
            double metricValue = metric == null ? Double.NaN : metric.applyAsDouble(model);
            EpochRecord record =
                    new EpochRecord(
                            epoch,
                            stats.meanNll(),
                            validStats.meanNll(),
                            stats.accuracy(),
                            validStats.accuracy(),
                            stats.tokens() / trainSeconds,
                            (System.nanoTime() - start) / 1e9,
                            learningRate.getNewValue((int) Math.min(Integer.MAX_VALUE, step)),
                            metricValue);
            history.add(record);
            out.println(record.summary());
            if (trainingStep.skippedUpdates() > 0) {
                out.printf(
                        "warning: %d updates skipped so far (NaN or infinite gradient norm)%n",
                        trainingStep.skippedUpdates());
            }
            if (listener != null) {
                listener.accept(record);
            }
            if (stopping.update(stopOnMetric ? metricValue : validStats.meanNll())) {
                best = snapshot();
            }
            if (stopping.shouldStop() || System.nanoTime() > deadline) {
                break;
            }
        }
        if (best != null) {
            restore(manager, best);
        }
        return history;
    }

    /**
     * Computes the validation loss and token accuracy of a model, without dropout or gradients:
     * {@link TeacherForcedEvaluation}'s statistics over the dataset's pairs.
     *
     * @param model the model
     * @param data the data
     * @param manager the manager for the batches
     * @param batchSize B
     * @return the summed statistics over all valid target tokens
     */
    public static TokenStats evaluate(
            Seq2SeqModel model, Seq2SeqDataset data, NDManager manager, int batchSize) {
        return TeacherForcedEvaluation.of(model, manager, data.pairs(), batchSize).stats();
    }

    private byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream stream = new DataOutputStream(bytes)) {
            model.saveParameters(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void restore(NDManager manager, byte[] parameters) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            model.loadParameters(manager, in);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("cannot restore the best parameters", e);
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

        private Builder() {}

        /**
         * @param model the initialised model (required)
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
         * @param config how to train (default {@code TrainingConfig.builder().build()}) @return
         *     this builder
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
