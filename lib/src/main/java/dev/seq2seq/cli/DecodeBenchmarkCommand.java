package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.util.Preconditions;

import dev.seq2seq.data.CorpusSplit;
import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.decode.SearchSpec;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.perf.Rss;
import dev.seq2seq.store.Checkpoint;
import dev.seq2seq.store.TrainedModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq decode-benchmark}: decoding throughput on the test split, for greedy search and
 * beam search, batched and one sentence at a time.
 */
@Command(
        name = "decode-benchmark",
        mixinStandardHelpOptions = true,
        description = {
            "Measures decoding speed of a trained model on the test split.",
            "Prints sentences/s for greedy, beam 4 and beam 8 in batches of --batch-size",
            "sentences, for beam 4 one sentence at a time, and the peak RSS. Each is timed",
            "over --passes passes after a warm-up: the median pass, the slowest and the fastest."
        })
final class DecodeBenchmarkCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Mixin ModelFolder model = new ModelFolder();

    @Option(names = "--data", description = "the TSV corpus (default: ${DEFAULT-VALUE})")
    Path data = Path.of("datasets/eng-fra.tsv");

    @Option(
            names = "--one-by-one",
            description = "sentences for the one-at-a-time run (default: ${DEFAULT-VALUE})")
    int oneByOne = 300;

    @Option(
            names = "--batch-size",
            description = "sentences per batch of the batched runs (default: ${DEFAULT-VALUE})")
    int batchSize = 64;

    @Option(
            names = "--passes",
            description =
                    "timed passes of each search over its sentences (default: ${DEFAULT-VALUE})")
    int passes = 3;

    @Override
    public Integer call() {
        Preconditions.checkArgument(passes >= 1, "--passes must be >= 1, got " + passes);
        Preconditions.checkArgument(batchSize >= 1, "--batch-size must be >= 1, got " + batchSize);
        TranslationData prepared = TranslationData.builder().setFile(data).build();
        List<String> sources =
                CorpusSplit.references(prepared.split().test()).stream()
                        .map(ReferenceGroup::source)
                        .toList();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedModel trained = Checkpoint.load(model.folder(), manager);
            main.out().printf("%,d test sentences; model %s%n", sources.size(), model);
            run("greedy, batched", translator(trained, 1, batchSize), sources);
            double batched = run("beam 4, batched", translator(trained, 4, batchSize), sources);
            run("beam 8, batched", translator(trained, 8, batchSize), sources);
            List<String> few = sources.subList(0, Math.min(oneByOne, sources.size()));
            double single = run("beam 4, one sentence at a time", translator(trained, 4, 1), few);
            main.out()
                    .printf(
                            "batched beam 4 is %.1fx faster than one sentence at a time%n",
                            batched / single);
            main.out().printf("peak RSS: %.0f MiB%n", Rss.peakMiB());
        }
        return 0;
    }

    private static Translator translator(TrainedModel trained, int beam, int batchSize) {
        return Translator.builder()
                .setSearch(SearchSpec.beam(beam).search(trained.model()))
                .setSource(trained.sourceTokenizer(), trained.sourceVocabulary())
                .setTarget(trained.targetVocabulary(), trained.detokenizer())
                .optBatchSize(batchSize)
                .build();
    }

    private double run(String name, Translator translator, List<String> sources) {
        translator.translate(sources.subList(0, Math.min(batchSize, sources.size()))); // warm-up
        double[] rates = new double[passes];
        for (int p = 0; p < passes; p++) {
            long start = System.nanoTime();
            translator.translate(sources);
            rates[p] = sources.size() / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        double median =
                passes % 2 == 1
                        ? rates[passes / 2]
                        : (rates[passes / 2 - 1] + rates[passes / 2]) / 2;
        main.out()
                .printf(
                        "%-32s %,8.1f sentences/s (median of %d passes over %d sentences;"
                                + " %,.1f-%,.1f)%n",
                        name, median, passes, sources.size(), rates[0], rates[passes - 1]);
        return median;
    }
}
