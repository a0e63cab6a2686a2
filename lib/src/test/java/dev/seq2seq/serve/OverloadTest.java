package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A full queue (503), a time limit (504), a failing decoder (500) and a graceful stop, with a
 * {@link FakeDecoder} that holds the worker until released, so nothing depends on timing.
 */
class OverloadTest {

    private final FakeDecoder decoder = new FakeDecoder();

    private TranslationServer server(int queue, long timeoutMillis) {
        return TranslationServer.builder()
                .setModel(ServeFixture.model())
                .optSettings(
                        ServerSettings.builder()
                                .optAddress("127.0.0.1", 0)
                                .optBatching(64, 0)
                                .optQueueCapacity(queue)
                                .optTimeoutMillis(timeoutMillis))
                .optDecoder(decoder)
                .build()
                .start();
    }

    private static CompletableFuture<HttpResponse<String>> postLater(
            TranslationServer server, String text) {
        return CompletableFuture.supplyAsync(
                () -> Http.post(server, "translate", "{\"text\": \"" + text + "\"}"));
    }

    private static void awaitWaiting(TranslationServer server, int n) throws InterruptedException {
        for (int i = 0; i < 1000 && server.batching().waiting() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, server.batching().waiting());
    }

    @Test
    void aFullQueueGives503WithRetryAfterAndTheServerRecovers() throws Exception {
        try (TranslationServer server = server(1, 60_000)) {
            decoder.hold();
            var first = postLater(server, "a");
            decoder.awaitCall(); // the worker holds "a"
            var second = postLater(server, "b");
            awaitWaiting(server, 1); // "b" fills the queue
            HttpResponse<String> refused = Http.post(server, "translate", "{\"text\": \"c\"}");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
            assertTrue(Http.json(refused).get("error").getAsString().contains("busy"));
            decoder.release();
            assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(200, second.get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(200, Http.post(server, "translate", "{\"text\": \"d\"}").statusCode());
        }
    }

    @Test
    void aRequestOverTheTimeLimitGets504AndTheServerRecovers() {
        try (TranslationServer server = server(4, 200)) {
            decoder.hold();
            HttpResponse<String> late = Http.post(server, "translate", "{\"text\": \"a\"}");
            assertEquals(504, late.statusCode(), late.body());
            assertTrue(Http.json(late).get("error").getAsString().contains("time limit of 200 ms"));
            decoder.release();
            HttpResponse<String> next = Http.post(server, "translate", "{\"text\": \"b\"}");
            assertEquals(200, next.statusCode(), next.body());
            assertEquals(
                    "B",
                    Http.json(next)
                            .getAsJsonArray("translations")
                            .get(0)
                            .getAsJsonObject()
                            .get("text")
                            .getAsString());
        }
    }

    @Test
    void anUnexpectedFailureGives500WithoutAStackTrace() {
        try (TranslationServer server = server(4, 60_000)) {
            HttpResponse<String> failed = Http.post(server, "translate", "{\"text\": \"fail\"}");
            assertEquals(500, failed.statusCode(), failed.body());
            String error = Http.json(failed).get("error").getAsString();
            assertTrue(error.startsWith("internal error"), error);
            assertFalse(
                    failed.body().contains("decoder failure") || failed.body().contains("at dev."),
                    failed.body());
            assertEquals(200, Http.post(server, "translate", "{\"text\": \"ok\"}").statusCode());
        }
    }

    @Test
    void closeFinishesTheRequestInFlightThenRefusesNewOnes() throws Exception {
        TranslationServer server = server(4, 60_000);
        decoder.hold();
        var inFlight = postLater(server, "a b");
        decoder.awaitCall();
        Thread closer = new Thread(server::close);
        closer.start();
        for (int i = 0; i < 3000 && !server.stopping(); i++) {
            Thread.sleep(10); // until close() has begun and waits for the request in flight
        }
        assertTrue(server.stopping(), "close() began within 30 s");
        assertTrue(closer.isAlive(), "close() waits for the request in flight");
        HttpResponse<String> refused = Http.post(server, "translate", "{\"text\": \"c\"}");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).get("error").getAsString().contains("shutting down"));
        decoder.release();
        HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode(), finished.body());
        closer.join(30_000);
        assertFalse(closer.isAlive());
        server.awaitClosed();
    }
}
