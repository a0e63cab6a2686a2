package dev.seq2seq.perf;

import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Preconditions;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.Seq2SeqDataset;
import dev.seq2seq.loss.TokenStats;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.TrainingStep;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures how fast a model trains and how much of the machine it uses: a fresh model (seed 1)
 * takes W warm-up steps, then N measured steps of {@link TrainingStep} (teacher forcing, Adam at a
 * fixed learning rate of 1e-3, clipping at norm 1, no label smoothing) on length-bucketed batches
 * of the training pairs; then, in the same JVM, the matrix-multiply peak and the rates of the
 * model's largest products ({@link MatMulRate}). The result is the throughput and a {@link
 * Roofline}: FLOPs per block, time per phase and per part of the forward phase, achieved / peak.
 * {@code bin/seq2seq benchmark} prints it, and a notebook can show it.
 *
 * <pre>{@code
 * TrainingBenchmark.Result r = TrainingBenchmark.builder()
 *         .setData(data.train()).setConfig(config).optWarmup(20).optSteps(100).build().run();
 * System.out.print(r.roofline().format());
 * }</pre>
 */
public final class TrainingBenchmark {

    /** What a benchmark tells its caller while it runs, for progress lines and memory readings. */
    public interface Listener {
        /**
         * Called after the warm-up steps, before the clock of the measured steps starts.
         *
         * @param warmupSteps W
         */
        default void warmedUp(int warmupSteps) {}

        /**
         * Called after every {@code window} measured steps.
         *
         * @param measuredSteps the measured steps so far
         * @param tokensPerSecond target tokens per second over the last window
         */
        default void window(long measuredSteps, double tokensPerSecond) {}

        /**
         * Called after the measured steps, before the matrix-multiply rates are measured, with the
         * model still alive.
         *
         * @param measuredSteps N
         */
        default void measured(long measuredSteps) {}
    }

    /**
     * What a benchmark measured.
     *
     * @param steps N, the measured steps
     * @param targetTokens the real (unpadded) target tokens of the measured steps
     * @param sentences the sentence pairs of the measured steps
     * @param seconds the wall-clock time of the measured steps
     * @param roofline FLOPs, phase times and matrix-multiply rates of the measured steps
     */
    public record Result(
            long steps, long targetTokens, long sentences, double seconds, Roofline roofline) {

        /**
         * Returns the training throughput.
         *
         * @return real target tokens per second
         */
        public double tokensPerSecond() {
            return targetTokens / seconds;
        }

        /**
         * Returns the training throughput in sentence pairs.
         *
         * @return sentence pairs per second
         */
        public double sentencesPerSecond() {
            return sentences / seconds;
        }
    }

    private final Seq2SeqDataset train;
    private final Seq2SeqConfig config;
    private final int batchSize;
    private final int warmup;
    private final int steps;
    private final int window;
    private final int peakSize;
    private final double matmulSeconds;
    private final Listener listener;

    private TrainingBenchmark(Builder builder) {
        this.train = builder.train;
        this.config = builder.config;
        this.batchSize = builder.batchSize;
        this.warmup = builder.warmup;
        this.steps = builder.steps;
        this.window = builder.window;
        this.peakSize = builder.peakSize;
        this.matmulSeconds = builder.matmulSeconds;
        this.listener = builder.listener;
    }

    /**
     * Returns a builder: {@code setX} for required values, {@code optX} for optional ones.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains a fresh model for W + N steps, then measures the matrix-multiply rates; the model and
     * every array are freed before it returns.
     *
     * @return the throughput and roofline of the N measured steps
     */
    public Result run() {
        BucketSampler sampler = BucketSampler.builder().setBatchSize(batchSize).optSeed(1).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(1);
            Seq2SeqModel model = Seq2SeqModel.create(config);
            model.initialize(manager);
            TrainingClock clock =
                    new TrainingClock(); // each phase of a step, each part of a forward
            model.setForwardListener(clock);
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(1e-3f), 0f, 1.0);
            step.setStepListener(clock);
            int done = 0;
            long tokens = 0;
            long sentences = 0;
            long windowTokens = 0;
            long start = System.nanoTime();
            long windowStart = start;
            ModelFlops flops = ModelFlops.ZERO;
            for (int epoch = 1; done < warmup + steps; epoch++) {
                for (Seq2SeqBatch batch : train.batches(manager, sampler, epoch)) {
                    try (batch) {
                        TokenStats stats = step.run(batch, 1.0);
                        if (done >= warmup) {
                            flops = flops.plus(FlopCount.of(config, shapeOf(batch)));
                            tokens += stats.tokens();
                            windowTokens += stats.tokens();
                            sentences += batch.getSize();
                        }
                    }
                    done++;
                    if (done == warmup) {
                        listener.warmedUp(warmup);
                        clock.phaseTimes().reset();
                        clock.partTimes().reset();
                        start = System.nanoTime();
                        windowStart = start;
                    } else if (done > warmup && (done - warmup) % window == 0) {
                        long now = System.nanoTime();
                        listener.window(done - warmup, windowTokens / ((now - windowStart) / 1e9));
                        windowTokens = 0;
                        windowStart = now;
                    }
                    if (done == warmup + steps) {
                        break;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.measured(steps);
            MatMulRate peak =
                    MatMulRate.measure(manager, MatrixProduct.square(peakSize), matmulSeconds);
            List<MatMulRate> rates = new ArrayList<>();
            for (MatrixProduct product : FlopCount.products(config, flops.meanBatch())) {
                rates.add(MatMulRate.measure(manager, product, matmulSeconds));
            }
            Roofline roofline =
                    new Roofline(
                            flops,
                            clock.phaseTimes().seconds(),
                            peak,
                            rates,
                            clock.partTimes().seconds());
            return new Result(steps, tokens, sentences, seconds, roofline);
        }
    }

    private static BatchShape shapeOf(Seq2SeqBatch batch) {
        return BatchShape.of(
                batch.sourceLengths().toLongArray(), batch.targetLengths().toLongArray());
    }

    /** Builds a {@link TrainingBenchmark}. */
    public static final class Builder {

        private Seq2SeqDataset train;
        private Seq2SeqConfig config;
        private int batchSize = 64;
        private int warmup = 300;
        private int steps = 2000;
        private int window = 500;
        private int peakSize = 2048;
        private double matmulSeconds = 1.0;
        private Listener listener = new Listener() {};

        private Builder() {}

        /**
         * Sets the pairs to train on (required), usually {@code TranslationData.train()}.
         *
         * @param train the training split
         * @return this builder
         */
        public Builder setData(Seq2SeqDataset train) {
            this.train = train;
            return this;
        }

        /**
         * Sets the model to measure (required).
         *
         * @param config its configuration, with the data's vocabulary sizes
         * @return this builder
         */
        public Builder setConfig(Seq2SeqConfig config) {
            this.config = config;
            return this;
        }

        /**
         * Sets B, the sentence pairs per batch (default 64).
         *
         * @param batchSize B ≥ 1
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets W, the steps before the measured ones (default 300): the first steps are slower (the
         * JIT compiler, the engine's allocator) and would lower the measured rate.
         *
         * @param warmup W ≥ 1
         * @return this builder
         */
        public Builder optWarmup(int warmup) {
            this.warmup = warmup;
            return this;
        }

        /**
         * Sets N, the measured steps (default 2,000).
         *
         * @param steps N ≥ 1
         * @return this builder
         */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /**
         * Sets how many measured steps make one window of {@link Listener#window} (default 500).
         *
         * @param window ≥ 1
         * @return this builder
         */
        public Builder optWindow(int window) {
            this.window = window;
            return this;
        }

        /**
         * Sets the matrix-multiply measurement: the peak is taken from an n x n product (default
         * 2,048), and each rate is timed for this long (default 1 s).
         *
         * @param peakSize n ≥ 1
         * @param matmulSeconds seconds per rate, &gt; 0
         * @return this builder
         */
        public Builder optMatMul(int peakSize, double matmulSeconds) {
            this.peakSize = peakSize;
            this.matmulSeconds = matmulSeconds;
            return this;
        }

        /**
         * Sets the listener (default: none).
         *
         * @param listener told of the warm-up's end, each window and the measured steps' end
         * @return this builder
         */
        public Builder optListener(Listener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Builds the benchmark.
         *
         * @return the benchmark
         * @throws IllegalArgumentException naming the first missing or wrong value
         */
        public TrainingBenchmark build() {
            Preconditions.checkArgument(train != null, "data is required: call setData");
            Preconditions.checkArgument(config != null, "config is required: call setConfig");
            Preconditions.checkArgument(train.size() != 0, "the training split has no pairs");
            requirePositive("batch size", batchSize);
            requirePositive("warm-up steps", warmup);
            requirePositive("measured steps", steps);
            requirePositive("window", window);
            requirePositive("peak size", peakSize);
            if (!(matmulSeconds > 0)) {
                throw new IllegalArgumentException(
                        "matmul seconds must be > 0, got " + matmulSeconds);
            }
            Preconditions.checkArgument(listener != null, "listener must not be null");
            return new TrainingBenchmark(this);
        }

        private static void requirePositive(String name, int value) {
            Preconditions.checkArgument(value >= 1, name + " must be >= 1, got " + value);
        }
    }
}
