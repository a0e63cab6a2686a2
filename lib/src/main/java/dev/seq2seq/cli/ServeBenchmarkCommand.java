package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.CorpusSplit;
import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.perf.LoadTest;
import dev.seq2seq.perf.Rss;
import dev.seq2seq.serve.BatchingTranslator;
import dev.seq2seq.serve.ServedModel;
import dev.seq2seq.serve.ServerSettings;
import dev.seq2seq.serve.TranslationServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq serve-benchmark}: the translation server under load on loopback, with batching on
 * and off, one after the other in one process.
 */
@Command(
        name = "serve-benchmark",
        mixinStandardHelpOptions = true,
        description = {
            "Load-tests the translation server on loopback: C concurrent clients send one",
            "sentence per request for a fixed time, first to a server that decodes one request",
            "at a time, then to one that batches requests arriving together. Prints requests/s,",
            "latency percentiles, errors, the mean batch size and the process's RSS."
        })
final class ServeBenchmarkCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Mixin ModelFolder model = new ModelFolder();

    @Option(
            names = "--data",
            description = "the TSV corpus whose test split is sent (default: ${DEFAULT-VALUE})")
    Path data = Path.of("datasets/eng-fra.tsv");

    @Option(
            names = "--sentences",
            description = "a file of sentences to send, one per line, instead of the test split")
    Path sentencesFile;

    @Option(names = "--clients", description = "C, concurrent clients (default: ${DEFAULT-VALUE})")
    int clients = 16;

    @Option(
            names = "--seconds",
            description = "how long each run sends (default: ${DEFAULT-VALUE})")
    int seconds = 20;

    @Option(names = "--beam", description = "beam size per request (default: ${DEFAULT-VALUE})")
    int beam = 1;

    @Override
    public Integer call() throws Exception {
        List<String> sentences = sentences();
        try (NDManager manager = NDManager.newBaseManager()) {
            ServedModel served = ServedModel.load(model.folder(), manager);
            main.out()
                    .printf(
                            "%d clients, %d s per run, beam %d, %,d distinct sentences, model %s%n",
                            clients, seconds, beam, sentences.size(), model);
            run("warm-up (not counted)", served, sentences, 1, 0, Math.min(seconds, 5));
            main.out()
                    .printf(
                            "%-26s %10s %8s %8s %8s %7s %11s %9s%n",
                            "server",
                            "requests/s",
                            "p50 ms",
                            "p95 ms",
                            "p99 ms",
                            "errors",
                            "mean batch",
                            "RSS MiB");
            double single = run("one request at a time", served, sentences, 1, 0, seconds);
            double batched =
                    run(
                            "batched (64, 5 ms window)",
                            served,
                            sentences,
                            BatchingTranslator.DEFAULT_MAX_BATCH,
                            BatchingTranslator.DEFAULT_WINDOW_MILLIS,
                            seconds);
            run(
                    "batched again (RSS check)",
                    served,
                    sentences,
                    BatchingTranslator.DEFAULT_MAX_BATCH,
                    BatchingTranslator.DEFAULT_WINDOW_MILLIS,
                    seconds);
            main.out().printf("batched / one at a time: %.1fx sentences/s%n", batched / single);
            main.out().printf("peak RSS: %,.0f MiB%n", Rss.peakMiB());
        }
        return 0;
    }

    private double run(
            String name,
            ServedModel served,
            List<String> sentences,
            int maxBatch,
            int windowMillis,
            int runSeconds)
            throws InterruptedException {
        try (TranslationServer server =
                TranslationServer.builder()
                        .setModel(served)
                        .optSettings(
                                ServerSettings.builder()
                                        .optAddress("127.0.0.1", 0)
                                        .optBatching(maxBatch, windowMillis)
                                        .optQueueCapacity(Math.max(256, 4 * clients)))
                        .build()
                        .start()) {
            LoadTest.Result r =
                    new LoadTest(
                                    server.url(),
                                    sentences,
                                    clients,
                                    Duration.ofSeconds(runSeconds),
                                    beam)
                            .run();
            long calls = server.batching().decodeCalls();
            double meanBatch =
                    calls == 0 ? Double.NaN : server.batching().sentencesDecoded() / (double) calls;
            if (!name.startsWith("warm-up")) {
                main.out()
                        .printf(
                                "%-26s %10.1f %8.1f %8.1f %8.1f %7d %11.1f %,9.0f%n",
                                name,
                                r.requestsPerSecond(),
                                r.percentile(50),
                                r.percentile(95),
                                r.percentile(99),
                                r.errors(),
                                meanBatch,
                                Rss.currentMiB());
            }
            return r.requestsPerSecond();
        }
    }

    private List<String> sentences() throws IOException {
        if (sentencesFile != null) {
            return Files.readAllLines(sentencesFile, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        }
        TranslationData prepared = TranslationData.builder().setFile(data).build();
        return CorpusSplit.references(prepared.split().test()).stream()
                .map(ReferenceGroup::source)
                .toList();
    }
}
