package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.serve.ServeFixture;
import dev.seq2seq.serve.TranslationServer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** {@link LoadTest} against a real server on loopback, and its percentile arithmetic. */
class LoadTestTest {

    @Test
    void everyAnsweredRequestIsCountedAndNoneFails() throws Exception {
        try (TranslationServer server = ServeFixture.server()) {
            LoadTest.Result r =
                    new LoadTest(
                                    server.url(),
                                    List.of("a b c", "d e", "f g h a"),
                                    3,
                                    Duration.ofMillis(800),
                                    1)
                            .run();
            assertEquals(0, r.errors());
            assertTrue(r.requests() > 0);
            assertEquals(r.requests(), server.batching().sentencesDecoded());
            assertEquals(r.requests(), r.latencyMillis().length);
            assertTrue(r.percentile(50) <= r.percentile(95));
            assertTrue(r.percentile(95) <= r.percentile(99));
        }
    }

    @Test
    void refusedRequestsAreErrors() throws Exception {
        try (TranslationServer server = ServeFixture.server()) {
            // beam 99 is over the server's limit: every request is answered 400
            LoadTest.Result r =
                    new LoadTest(server.url(), List.of("a b"), 1, Duration.ofMillis(200), 99).run();
            assertEquals(0, r.requests());
            assertTrue(r.errors() > 0);
            assertTrue(Double.isNaN(r.percentile(50)));
        }
    }

    @Test
    void percentilesUseTheNearestRank() {
        LoadTest.Result r = new LoadTest.Result(1, 1, 4, 0, new double[] {10, 20, 30, 40});
        assertEquals(20, r.percentile(50));
        assertEquals(40, r.percentile(95));
        assertEquals(10, r.percentile(1));
        assertEquals(4, r.requestsPerSecond());
    }

    @Test
    void aTestNeedsSentencesAndClients() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new LoadTest("http://127.0.0.1:1/", List.of(), 1, Duration.ofSeconds(1), 1));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new LoadTest(
                                "http://127.0.0.1:1/", List.of("a"), 0, Duration.ofSeconds(1), 1));
    }
}
