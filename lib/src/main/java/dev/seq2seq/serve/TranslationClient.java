package dev.seq2seq.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A Java client of a {@link TranslationServer}, on the JDK's {@link HttpClient}: what another
 * program calls to use a served model. Thread-safe; one client can serve many threads.
 *
 * <pre>{@code
 * TranslationClient client = TranslationClient.of("http://127.0.0.1:8080/");
 * TranslateResponse r = client.translate(
 *         new TranslateRequest(List.of("I am cold."), new SearchSettings(4, 0.6, 3), true));
 * }</pre>
 */
public final class TranslationClient {

    /** A request the server answered with an error status (400, 503, 504, 500). */
    public static final class ErrorStatusException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;

        ErrorStatusException(int status, String error) {
            super("HTTP " + status + ": " + error);
            this.status = status;
        }

        /**
         * Returns the HTTP status.
         *
         * @return e.g. 400
         */
        public int status() {
            return status;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    private TranslationClient(String serverUrl, Duration timeout) {
        this.base = URI.create(serverUrl.endsWith("/") ? serverUrl : serverUrl + "/");
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    /**
     * Creates a client whose requests wait at most 30 s for an answer.
     *
     * @param serverUrl the server's address, e.g. {@code http://127.0.0.1:8080/}
     * @return the client
     * @throws IllegalArgumentException if the address is not a URI
     */
    public static TranslationClient of(String serverUrl) {
        return new TranslationClient(serverUrl, Duration.ofSeconds(30));
    }

    /**
     * Asks {@code GET /health}.
     *
     * @return the server's health, model provenance and limits
     * @throws ErrorStatusException if the server answers with an error status
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HealthResponse health() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("health")).GET());
        return HealthResponse.fromJson(checked(r).body());
    }

    /**
     * Asks {@code POST /translate}.
     *
     * @param request the texts and search options
     * @return the translations, in the order of {@code request.texts()}
     * @throws ErrorStatusException with the status and the server's one-line error if it answers
     *     with an error (400 for a bad request, 503 when its queue is full, 504 after its time
     *     limit)
     * @throws UncheckedIOException if the server cannot be reached
     */
    public TranslateResponse translate(TranslateRequest request) {
        return TranslateResponse.fromJson(checked(post(request.toJson())).body());
    }

    /**
     * Sends a raw {@code POST /translate} body, e.g. to see how the server answers a bad one.
     *
     * @param body the body as sent, JSON or not
     * @return the status and body as answered
     * @throws UncheckedIOException if the server cannot be reached
     */
    public HttpResponse<String> post(String body) {
        return send(
                HttpRequest.newBuilder(base.resolve("translate"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(
                    "interrupted waiting for " + base, new IOException("interrupted", e));
        }
    }

    private static HttpResponse<String> checked(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            String error;
            try {
                error = ErrorResponse.fromJson(r.body()).error();
            } catch (IllegalArgumentException e) {
                error = r.body();
            }
            throw new ErrorStatusException(r.statusCode(), error);
        }
        return r;
    }
}
