package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.serve.BatchingTranslator;
import dev.seq2seq.serve.RequestLimits;
import dev.seq2seq.serve.ServedModel;
import dev.seq2seq.serve.ServerSettings;
import dev.seq2seq.serve.TranslationServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code seq2seq serve}: serves a trained model over HTTP until SIGTERM or Ctrl-C, then stops
 * gracefully (requests in flight finish, the model is closed).
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a trained model over HTTP: POST /translate (JSON), GET /health,",
            "and at / a page that translates, lists n-best alternatives and draws the",
            "attention heatmap. Requests that arrive together are decoded in one batched",
            "search. Listens on loopback unless --host says otherwise; SIGTERM or Ctrl-C",
            "stops it after the requests in flight."
        })
final class ServeCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Mixin ModelFolder model = new ModelFolder();

    @Option(names = "--host", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host = ServerSettings.DEFAULT_HOST;

    @Option(names = "--port", description = "port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = ServerSettings.DEFAULT_PORT;

    @Option(
            names = "--max-batch",
            description =
                    "most sentences per batched search; 1 switches batching off"
                            + " (default: ${DEFAULT-VALUE})")
    int maxBatch = BatchingTranslator.DEFAULT_MAX_BATCH;

    @Option(
            names = "--batch-window-ms",
            description =
                    "how long to collect requests for a batch; 0 takes only those already"
                            + " waiting (default: ${DEFAULT-VALUE})")
    int windowMillis = BatchingTranslator.DEFAULT_WINDOW_MILLIS;

    @Option(
            names = "--queue",
            description = "requests that may wait; more get 503 (default: ${DEFAULT-VALUE})")
    int queue = BatchingTranslator.DEFAULT_QUEUE_CAPACITY;

    @Option(
            names = "--timeout-ms",
            description = "time limit per request; longer gets 504 (default: ${DEFAULT-VALUE})")
    long timeoutMillis = ServerSettings.DEFAULT_TIMEOUT_MILLIS;

    @Option(
            names = "--max-chars",
            description = "longest text, in characters (default: ${DEFAULT-VALUE})")
    int maxChars = RequestLimits.DEFAULT_MAX_CHARS;

    @Option(
            names = "--max-texts",
            description = "most texts per request (default: ${DEFAULT-VALUE})")
    int maxTexts = RequestLimits.DEFAULT_MAX_TEXTS;

    @Option(names = "--max-beam", description = "largest beam size (default: ${DEFAULT-VALUE})")
    int maxBeam = RequestLimits.DEFAULT_MAX_BEAM;

    @Option(
            names = "--warn-tokens",
            description =
                    "warn about inputs longer than this many tokens; 0: the longest training"
                            + " source, as translate does (default: ${DEFAULT-VALUE})")
    int warnTokens;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings.Builder settings =
                ServerSettings.builder()
                        .optAddress(host, port)
                        .optBatching(maxBatch, windowMillis)
                        .optQueueCapacity(queue)
                        .optTimeoutMillis(timeoutMillis)
                        .optLimits(new RequestLimits(maxChars, maxTexts, maxBeam))
                        .optWarnTokens(warnTokens);
        settings.build(); // a wrong option is reported before the model is loaded
        CountDownLatch finished = new CountDownLatch(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            ServedModel served = ServedModel.load(model.folder(), manager);
            TranslationServer server =
                    TranslationServer.builder().setModel(served).optSettings(settings).build();
            try {
                server.start();
            } catch (RuntimeException e) {
                server.close();
                throw new IllegalArgumentException(
                        "cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
            }
            Thread hook =
                    new Thread(
                            () -> {
                                main.err().println("seq2seq serve: stopping");
                                server.close();
                                awaitQuietly(finished);
                            },
                            "seq2seq-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            main.out().println("serving " + served.name() + " at " + server.url());
            main.out().println("stop with Ctrl-C");
            server.awaitClosed();
        } finally {
            finished.countDown(); // the model is closed
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
