package dev.seq2seq.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.loss.TeacherForcedEvaluation;
import dev.seq2seq.loss.TokenStats;
import dev.seq2seq.model.Seq2SeqModel;

import java.util.Locale;

/**
 * The state of one call to {@link Seq2SeqTrainer#fit}: the seeded, initialised model, the batch
 * sampler, the learning-rate and teacher-forcing schedules, early stopping, the time limit, the
 * best parameters so far and the history. Each step of an epoch is one method, which {@code fit}
 * calls in order.
 */
final class FitRun {

    private final Seq2SeqTrainer trainer;
    private final Seq2SeqModel model;
    private final TrainingConfig config;

    private final NDManager manager;
    private final BucketSampler sampler;
    private final int batchesPerEpoch;
    private final Tracker learningRate;
    private final TrainingStep trainingStep;
    private final TeacherForcingSchedule schedule;
    private final EarlyStopping stopping;
    private final TimeLimit timeLimit;
    private final BestParameters best;
    private final TrainingHistory history = new TrainingHistory();
    private final ProgressClock clock;
    private final long firstStep;
    private long step;
    private int currentEpoch;

    /**
     * Prepares a run: seeds the engine (initialising the model first if it is not yet), builds the
     * sampler and the schedules, and takes over a resumed run's history.
     */
    FitRun(Seq2SeqTrainer trainer, NDManager manager) {
        this.trainer = trainer;
        this.model = trainer.model;
        this.config = trainer.config;
        this.schedule = config.schedule();
        this.stopping = earlyStopping();
        this.timeLimit = TimeLimit.ofMinutes(config.maxMinutes());
        this.best = new BestParameters(model);
        seedAndInitialize(manager);
        this.manager = manager;
        this.sampler =
                BucketSampler.builder()
                        .setBatchSize(config.batchSize())
                        .optSeed(config.seed())
                        .build();
        this.batchesPerEpoch = sampler.batches(trainer.train.pairs(), 1).size();
        resume();
        this.learningRate = learningRateSchedule(batchesPerEpoch);
        this.trainingStep =
                new TrainingStep(
                        model, manager, learningRate, config.labelSmoothing(), config.clipNorm());
        this.firstStep = step;
        this.currentEpoch = trainer.earlier.lastEpoch() + 1;
        this.clock =
                new ProgressClock(
                        currentEpoch,
                        trainer.earlier.lastEpoch() + config.epochs(),
                        batchesPerEpoch,
                        config.maxMinutes(),
                        System::nanoTime);
        trainer.listener.trainingStarted(clock.started());
    }

    /** Returns the best parameters so far, to restore at the end. */
    BestParameters best() {
        return best;
    }

    /** Returns the history: the earlier run's records, then this run's. */
    TrainingHistory history() {
        return history;
    }

    /**
     * Continues after the earlier epochs: their records, the schedules' step (as if each earlier
     * epoch was complete) and early stopping's state; the model's parameters, those of the earlier
     * best epoch, are the best so far.
     */
    private void resume() {
        for (EpochRecord r : trainer.earlier.records()) {
            history.add(r);
            stopping.update(trainer.stopOnMetric ? r.validMetric() : r.validLoss());
        }
        step = (long) trainer.earlier.lastEpoch() * batchesPerEpoch;
        if (trainer.earlier.lastEpoch() > 0) {
            best.save();
        }
    }

    /** One pass over the shuffled training batches, stopping early if time runs out. */
    TokenStats trainOneEpoch(int epoch) {
        currentEpoch = epoch;
        clock.epochStarted();
        TokenStats stats = TokenStats.ZERO;
        long epochStart = System.nanoTime();
        try (Progress progress =
                Progress.builder()
                        .setTask("epoch " + epoch)
                        .setTotal(batchesPerEpoch)
                        .optUnit("batches")
                        .optOutput(trainer.out)
                        .optPlainLines(false) // report() prints the epoch's line
                        .build()) {
            for (Seq2SeqBatch batch : trainer.train.batches(manager, sampler, epoch)) {
                try (batch) {
                    double ratio = schedule.ratio(step++);
                    TokenStats batchStats = trainingStep.run(batch, ratio);
                    stats = stats.plus(batchStats);
                    trainer.listener.batchEnded(
                            clock.batchEnded(
                                    epoch,
                                    step - firstStep,
                                    batchStats.meanNll(),
                                    batchStats.tokens()));
                }
                progress.step();
                progress.setExtraMessage(
                        String.format(
                                Locale.ROOT,
                                "%,.0f tok/s, loss %.3f",
                                stats.tokens() / ((System.nanoTime() - epochStart) / 1e9),
                                stats.meanNll()));
                if (timeLimit.expired() || trainer.stop.isRequested()) {
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
                TeacherForcedEvaluation.of(
                                model, manager, trainer.valid.pairs(), config.batchSize())
                        .stats();
        double metricValue =
                trainer.metric == null ? Double.NaN : trainer.metric.applyAsDouble(model);
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

    /** The epoch line, a warning about skipped updates, and the listener's epoch. */
    void report(EpochRecord record) {
        trainer.out.println(record.summary());
        if (trainingStep.skippedUpdates() > 0) {
            trainer.out.printf(
                    "warning: %d updates skipped so far (NaN or infinite gradient norm)%n",
                    trainingStep.skippedUpdates());
        }
        trainer.listener.epochEnded(record, clock.epochEnded(record.epoch(), step - firstStep));
    }

    /** Tells the listener that the run has ended. */
    void ended() {
        trainer.listener.trainingEnded(history, clock.ended(currentEpoch, step - firstStep));
    }

    /** Feeds early stopping and keeps the parameters when the monitored value improved. */
    void keepIfBest(EpochRecord record) {
        if (stopping.update(trainer.stopOnMetric ? record.validMetric() : record.validLoss())) {
            best.save();
        }
    }

    /** Whether early stopping, the time limit or the stop signal ends the run. */
    boolean shouldStop() {
        return stopping.shouldStop() || timeLimit.expired() || trainer.stop.isRequested();
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
        Seeds.seedEverything(config.seed() + trainer.earlier.lastEpoch());
        for (Pair<String, Parameter> p : model.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (p.getValue().requiresGradient() && !array.hasGradient()) {
                array.setRequiresGradient(true); // loaded parameters (a resumed run) have none
            }
        }
    }

    /**
     * The learning-rate schedule over updates: {@code config.learningRate()}, multiplied by {@code
     * config.learningRateDecay()} over each epoch of {@code batchesPerEpoch} updates; or with the
     * Noam schedule, warm-up to {@code config.learningRate()} and 1/√step decay.
     */
    private Tracker learningRateSchedule(int batchesPerEpoch) {
        if (config.learningRateSchedule() == LearningRateSchedule.NOAM) {
            return NoamSchedule.ofPeak(config.learningRate(), config.warmupSteps());
        }
        float factor = (float) Math.pow(config.learningRateDecay(), 1.0 / batchesPerEpoch);
        return Tracker.factor().setBaseValue(config.learningRate()).setFactor(factor).build();
    }

    /** Early stopping on the validation loss, or on the metric with {@code optStopOnMetric}. */
    private EarlyStopping earlyStopping() {
        return EarlyStopping.builder()
                .setMode(
                        trainer.stopOnMetric
                                ? EarlyStopping.Mode.MAXIMIZE
                                : EarlyStopping.Mode.MINIMIZE)
                .setPatience(config.patience() == 0 ? Integer.MAX_VALUE : config.patience())
                .build();
    }
}
