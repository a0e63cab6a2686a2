package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.Seq2SeqModel;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.TokenStats;
import dev.seq2seq.train.TrainingStep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq benchmark}: training throughput of a model on the training split, after a warm-up,
 * with peak memory, memory growth (a native-memory leak shows as growth) and the share of time of
 * each phase of a step.
 */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = {
            "Measures training throughput (target tokens/s), time per epoch, peak RSS and RSS growth",
            "over --steps steps after --warmup steps, and where the time of a step goes.",
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
            double rssAfterWarmup = Double.NaN;
            double rssBaseline = Double.NaN;
            for (int epoch = 1; done < warmup + steps; epoch++) {
                for (Seq2SeqBatch batch : prepared.train().batches(manager, sampler, epoch)) {
                    try (batch) {
                        TokenStats stats = step.run(batch, 1.0);
                        if (done >= warmup) {
                            tokens += stats.tokens();
                            sentences += batch.getSize();
                        }
                    }
                    done++;
                    if (done == warmup) {
                        System.gc();
                        rssAfterWarmup = Rss.currentMiB();
                        step.resetTimes();
                        start = System.nanoTime();
                        main.out()
                                .printf(
                                        "warm-up done (%d steps), RSS %.0f MiB%n",
                                        warmup, rssAfterWarmup);
                    } else if (done > warmup && (done - warmup) % 500 == 0) {
                        main.out()
                                .printf(
                                        "  %d steps, RSS %.0f MiB%n",
                                        done - warmup, Rss.currentMiB());
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
            double total = 0;
            for (TrainingStep.Phase phase : TrainingStep.Phase.values()) {
                total += step.seconds(phase);
            }
            StringBuilder profile = new StringBuilder("time per step:");
            for (TrainingStep.Phase phase : TrainingStep.Phase.values()) {
                profile.append(
                        String.format(
                                "  %s %.1f ms (%.0f%%)",
                                phase.name().toLowerCase(java.util.Locale.ROOT),
                                1000 * step.seconds(phase) / steps,
                                100 * step.seconds(phase) / total));
            }
            main.out().println(profile);
        }
        return 0;
    }
}
