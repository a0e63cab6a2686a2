package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

import io.javalin.Javalin;
import io.javalin.http.Context;

import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Serves a translation model over HTTP (Javalin):
 *
 * <ul>
 *   <li>{@code POST /translate}: a body read by {@link TranslateRequestParser}, answered with a
 *       {@link TranslateResponse}; a bad request gets 400, a full queue 503 with {@code
 *       Retry-After}, a request over the time limit 504, an unexpected failure 500 (its stack trace
 *       goes to the server's log, never to the client); every error body is an {@link
 *       ErrorResponse};
 *   <li>{@code GET /health}: status, model name, provenance and limits;
 *   <li>{@code GET /}: a page (index.html, app.js, style.css from this jar) that translates, lists
 *       the n-best alternatives and draws the attention heatmap.
 * </ul>
 *
 * <p>Requests are decoded by a {@link BatchingTranslator}. {@link #close()} stops gracefully: new
 * translation requests get 503, those in flight finish, then the HTTP server and the worker stop.
 *
 * <pre>{@code
 * try (TranslationServer server =
 *         TranslationServer.builder()
 *                 .setModel(ServedModel.load(folder, manager))
 *                 .optSettings(ServerSettings.builder().optAddress("127.0.0.1", 0)) // a free port
 *                 .build()
 *                 .start()) {
 *     URI uri = URI.create(server.url() + "translate");
 *     ...
 * }
 * }</pre>
 */
public final class TranslationServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationServer.class);
    private static final String JSON = "application/json";

    private final ServedModel model;
    private final BatchingTranslator batching;
    private final TranslateHandler handler;
    private final ServerSettings settings;
    private final Javalin app;
    private final Object lock = new Object();
    private final CountDownLatch closed = new CountDownLatch(1);
    private int inFlight; // guarded by lock
    private boolean stopping; // guarded by lock

    private TranslationServer(ServerSettings settings, ServedModel model, BatchDecoder decoder) {
        this.settings = settings;
        this.model = model;
        this.batching =
                BatchingTranslator.builder()
                        .setDecoder(
                                decoder != null
                                        ? decoder
                                        : BatchDecoder.of(model.trained(), settings.maxBatch()))
                        .optWindowMillis(settings.windowMillis())
                        .optMaxBatch(settings.maxBatch())
                        .optQueueCapacity(settings.queueCapacity())
                        .build();
        this.handler = new TranslateHandler(settings, model, batching);
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            for (var page : PageFiles.read().entrySet()) {
                                PageFiles.PageFile file = page.getValue();
                                config.routes.get(
                                        page.getKey(),
                                        ctx ->
                                                ctx.contentType(file.contentType())
                                                        .result(file.bytes()));
                            }
                            // Jetty's graceful stop: responses being written are finished.
                            config.jetty.modifyServer(
                                    server -> {
                                        server.setStopTimeout(settings.timeoutMillis() + 5000);
                                        server.insertHandler(new GracefulHandler());
                                    });
                            config.routes.post("/translate", this::translate);
                            config.routes.get("/health", this::health);
                            config.routes.exception(Exception.class, this::unexpected);
                        });
    }

    /**
     * Returns a builder.
     *
     * @return a new builder with the defaults of {@link ServerSettings}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening.
     *
     * @return this server
     * @throws RuntimeException from Javalin if the port cannot be bound
     */
    public TranslationServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    /**
     * Returns the port listened on (the chosen one when started on port 0).
     *
     * @return the port
     */
    public int port() {
        return app.port();
    }

    /**
     * Returns the server's address.
     *
     * @return e.g. {@code http://127.0.0.1:8080/}
     */
    public String url() {
        return "http://" + settings.host() + ":" + port() + "/";
    }

    /**
     * Returns the batching translator, e.g. to read its counters.
     *
     * @return the translator
     */
    public BatchingTranslator batching() {
        return batching;
    }

    /** Whether {@link #close()} has begun: new translation requests are refused from then on. */
    boolean stopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    /**
     * Waits until {@link #close()} has finished (e.g. called by a shutdown hook).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops gracefully: refuses new translation requests (503), waits for those in flight (at most
     * the time limit and 5 s more), then stops the HTTP server and the batching worker. Calling it
     * again waits for the first call to finish.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (stopping) {
                awaitQuietly();
                return;
            }
            stopping = true;
            long deadline = System.nanoTime() + (settings.timeoutMillis() + 5000) * 1_000_000;
            try {
                while (inFlight > 0 && deadline - System.nanoTime() > 0) {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            app.stop();
            batching.close();
        } finally {
            closed.countDown();
        }
    }

    private void awaitQuietly() {
        try {
            closed.await(settings.timeoutMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void translate(Context ctx) {
        long start = System.nanoTime();
        synchronized (lock) {
            if (stopping) {
                ctx.header("Retry-After", "1");
                send(ctx, 503, new ErrorResponse("the server is shutting down"));
                return;
            }
            inFlight++;
        }
        try {
            answer(ctx, start);
        } finally {
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }
    }

    private void answer(Context ctx, long start) {
        try {
            TranslateHandler.Answer a = handler.answer(ctx.body(), start);
            if (a.retryAfter()) {
                ctx.header("Retry-After", "1");
            }
            send(ctx, a.status(), a.body());
        } catch (ExecutionException e) {
            unexpected(e.getCause(), ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(ctx, 503, new ErrorResponse("the server is shutting down"));
        }
    }

    private void health(Context ctx) {
        Map<String, Integer> batchingSettings = new LinkedHashMap<>();
        batchingSettings.put("maxBatch", settings.maxBatch());
        batchingSettings.put("windowMillis", settings.windowMillis());
        send(
                ctx,
                200,
                new HealthResponse(
                        "ok",
                        model.name(),
                        model.provenance(),
                        settings.limits(),
                        batchingSettings));
    }

    private void unexpected(Throwable e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        send(
                ctx,
                500,
                new ErrorResponse(
                        "internal error: the server could not answer this request (see its log)"));
    }

    private static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(ServeJson.write(body));
    }

    /** Builds a {@link TranslationServer}; {@code setX} for required values, {@code optX} else. */
    public static final class Builder {

        private ServedModel model;
        private ServerSettings.Builder settings = ServerSettings.builder();
        private BatchDecoder decoder;

        private Builder() {}

        /**
         * Sets the model to serve (required).
         *
         * @param model e.g. {@link ServedModel#load}
         * @return this builder
         */
        public Builder setModel(ServedModel model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the address, limits, batching and time limit (default {@link
         * ServerSettings#builder()}'s defaults).
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder optSettings(ServerSettings.Builder settings) {
            this.settings = settings;
            return this;
        }

        /** Replaces the model's decoder, for tests of queueing and time limits. */
        Builder optDecoder(BatchDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Builds the server (not yet listening: call {@link #start()}).
         *
         * @return the server
         * @throws IllegalArgumentException naming the first missing or out-of-range value
         */
        public TranslationServer build() {
            Preconditions.checkArgument(model != null, "model is required: call setModel");
            return new TranslationServer(settings.build(), model, decoder);
        }
    }
}
