package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.FlopCount;
import dev.seq2seq.nn.MatrixProduct;
import dev.seq2seq.nn.ModelFlops;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.Seq2SeqModel;
import dev.seq2seq.train.MatMulRate;
import dev.seq2seq.train.Roofline;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.TokenStats;
import dev.seq2seq.train.TrainingStep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq benchmark}: training throughput of a model on the training split, after a warm-up,
 * with peak memory, memory growth (a native-memory leak shows as growth), the share of time of each
 * phase of a step, and a roofline ({@link Roofline}): the model's analytic FLOPs per block and per
 * target token ({@link FlopCount}), the achieved GFLOP/s, and the matrix-multiply peak and the
 * rates of the model's own shapes measured afterwards in the same JVM.
 */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = {
            "Measures training throughput (target tokens/s), time per epoch, peak RSS and RSS growth",
            "over --steps steps after --warmup steps, and where the time of a step goes;",
            "then the FLOPs per target token per block, the achieved GFLOP/s and, measured in",
            "this JVM, the matrix-multiply peak and the rates of the model's largest products.",
            "Defaults: the reference model (E = H = 256, bidirectional GRU, additive attention, B = 64)."
        })
final class BenchmarkCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Option(names = "--data", description = "the TSV corpus (default: ${DEFAULT-VALUE})")
    Path data = Path.of("datasets/eng-fra.tsv");

    @Option(names = "--warmup", description = "steps before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 300;

    @Option(names = "--steps", description = "measured steps (default: ${DEFAULT-VALUE})")
    int steps = 2000;

    @Option(names = "--batch-size", description = "B (default: ${DEFAULT-VALUE})")
    int batchSize = 64;

    @Option(
            names = "--peak-size",
            description =
                    "n of the square n x n product that measures the matmul peak"
                            + " (default: ${DEFAULT-VALUE})")
    int peakSize = 2048;

    @Option(
            names = "--matmul-seconds",
            description = "time each matmul rate for this long (default: ${DEFAULT-VALUE})")
    double matmulSeconds = 1.0;

    @Mixin ModelOptions model = new ModelOptions();

    @Override
    public Integer call() {
        TranslationData prepared = TranslationData.builder().setFile(data).build();
        Seq2SeqConfig config =
                model.config(
                        prepared.sourceVocabulary().size(), prepared.targetVocabulary().size());
        main.out().println("model: " + config);
        main.out()
                .printf(
                        "data: %,d training pairs, %,d target tokens per epoch%n",
                        prepared.train().size(), prepared.train().targetTokens());
        BucketSampler sampler = BucketSampler.builder().setBatchSize(batchSize).optSeed(1).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(1);
            Seq2SeqModel network = Seq2SeqModel.create(config);
            network.initialize(manager);
            TrainingStep step = new TrainingStep(network, manager, Tracker.fixed(1e-3f), 0f, 1.0);
            int done = 0;
            long tokens = 0;
            long sentences = 0;
            long start = 0;
            ModelFlops flops = ModelFlops.ZERO;
            double rssAfterWarmup = Double.NaN;
            double rssBaseline = Double.NaN;
            long windowTokens = 0;
            long windowStart = 0;
            for (int epoch = 1; done < warmup + steps; epoch++) {
                for (Seq2SeqBatch batch : prepared.train().batches(manager, sampler, epoch)) {
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
                        System.gc();
                        rssAfterWarmup = Rss.currentMiB();
                        step.resetTimes();
                        start = System.nanoTime();
                        windowStart = start;
                        main.out()
                                .printf(
                                        "warm-up done (%d steps), RSS %.0f MiB%n",
                                        warmup, rssAfterWarmup);
                    } else if (done > warmup && (done - warmup) % 500 == 0) {
                        long now = System.nanoTime();
                        main.out()
                                .printf(
                                        "  %d steps, RSS %.0f MiB, %,.0f target tokens/s over the last 500%n",
                                        done - warmup,
                                        Rss.currentMiB(),
                                        windowTokens / ((now - windowStart) / 1e9));
                        windowTokens = 0;
                        windowStart = now;
                    }
                    if (done == warmup + steps) {
                        break;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            double rssEnd = Rss.currentMiB();
            double tokensPerSecond = tokens / seconds;
            main.out()
                    .printf(
                            "throughput: %,.0f target tokens/s, %,.1f sentences/s (%d steps, %.1f s)%n",
                            tokensPerSecond, sentences / seconds, steps, seconds);
            main.out()
                    .printf(
                            "time per epoch: %.1f min%n",
                            prepared.train().targetTokens() / tokensPerSecond / 60);
            main.out()
                    .printf(
                            "peak RSS: %.0f MiB; RSS after warm-up %.0f MiB, after %d more steps %.0f MiB (%+.1f%%)%n",
                            Rss.peakMiB(),
                            rssAfterWarmup,
                            steps,
                            rssEnd,
                            100 * (rssEnd - rssAfterWarmup) / rssAfterWarmup);
            main.out().print(roofline(manager, config, flops, step));
        }
        return 0;
    }

    /** Measures the matmul peak and the rates of the model's shapes, after training. */
    private Roofline roofline(
            NDManager manager, Seq2SeqConfig config, ModelFlops flops, TrainingStep step) {
        MatMulRate peak =
                MatMulRate.measure(manager, MatrixProduct.square(peakSize), matmulSeconds);
        List<MatMulRate> rates = new ArrayList<>();
        for (MatrixProduct product : FlopCount.products(config, flops.meanBatch())) {
            rates.add(MatMulRate.measure(manager, product, matmulSeconds));
        }
        return new Roofline(flops, step.phaseSeconds(), peak, rates);
    }

    private static BatchShape shapeOf(Seq2SeqBatch batch) {
        return BatchShape.of(
                batch.sourceLengths().toLongArray(), batch.targetLengths().toLongArray());
    }
}
