package dev.seq2seq.cli;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.perf.FlopCount;
import dev.seq2seq.perf.Roofline;
import dev.seq2seq.perf.Rss;
import dev.seq2seq.perf.TrainingBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq benchmark}: training throughput of a model on the training split, after a warm-up
 * ({@link TrainingBenchmark}), with peak memory, memory growth (a native-memory leak shows as
 * growth), the share of time of each phase of a step and of each part of the forward phase ({@code
 * perf.TrainingClock}), and a roofline ({@link Roofline}): the model's analytic FLOPs per block and
 * per target token ({@link FlopCount}), the achieved GFLOP/s, and the matrix-multiply peak and the
 * rates of the model's own shapes measured afterwards in the same JVM.
 */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = {
            "Measures training throughput (target tokens/s), time per epoch, peak RSS and RSS growth",
            "over --steps steps after --warmup steps, and where the time of a step goes (within",
            "the forward: encoder, decoder, output projection, loss);",
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
        double[] rss = new double[2]; // after the warm-up, after the measured steps
        TrainingBenchmark.Listener progress =
                new TrainingBenchmark.Listener() {
                    @Override
                    public void warmedUp(int warmupSteps) {
                        System.gc();
                        rss[0] = Rss.currentMiB();
                        main.out()
                                .printf(
                                        "warm-up done (%d steps), RSS %.0f MiB%n",
                                        warmupSteps, rss[0]);
                    }

                    @Override
                    public void window(long measuredSteps, double tokensPerSecond) {
                        main.out()
                                .printf(
                                        "  %d steps, RSS %.0f MiB, %,.0f target tokens/s over the"
                                                + " last 500%n",
                                        measuredSteps, Rss.currentMiB(), tokensPerSecond);
                    }

                    @Override
                    public void measured(long measuredSteps) {
                        System.gc();
                        rss[1] = Rss.currentMiB();
                    }
                };
        TrainingBenchmark.Result result =
                TrainingBenchmark.builder()
                        .setData(prepared.train())
                        .setConfig(config)
                        .optBatchSize(batchSize)
                        .optWarmup(warmup)
                        .optSteps(steps)
                        .optMatMul(peakSize, matmulSeconds)
                        .optListener(progress)
                        .build()
                        .run();
        main.out()
                .printf(
                        "throughput: %,.0f target tokens/s, %,.1f sentences/s (%d steps, %.1f s)%n",
                        result.tokensPerSecond(),
                        result.sentencesPerSecond(),
                        steps,
                        result.seconds());
        main.out()
                .printf(
                        "time per epoch: %.1f min%n",
                        prepared.train().targetTokens() / result.tokensPerSecond() / 60);
        main.out()
                .printf(
                        "peak RSS: %.0f MiB; RSS after warm-up %.0f MiB, after %d more steps %.0f MiB"
                                + " (%+.1f%%)%n",
                        Rss.peakMiB(), rss[0], steps, rss[1], 100 * (rss[1] - rss[0]) / rss[0]);
        main.out().print(result.roofline().format());
        return 0;
    }
}
