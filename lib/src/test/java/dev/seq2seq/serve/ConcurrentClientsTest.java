package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.SentencePair;
import dev.seq2seq.data.ToyTasks;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Fifty simultaneous clients each get their own translation, decoded in shared batches. */
class ConcurrentClientsTest {

    private static final int CLIENTS = 50;

    @Test
    void fiftySimultaneousClientsGetTheirOwnTranslationsInFewerSearchesThanRequests()
            throws Exception {
        List<String> sentences =
                ToyTasks.copy(CLIENTS, 8, 3, 8, 7).stream().map(SentencePair::source).toList();
        List<String> expected = new ArrayList<>();
        for (String s : sentences) {
            expected.add(ServeFixture.alone(s)); // before the server shares the model
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (TranslationServer server =
                TranslationServer.builder()
                        .setModel(ServeFixture.model())
                        .optSettings(
                                ServerSettings.builder()
                                        .optAddress("127.0.0.1", 0)
                                        .optBatching(64, 20))
                        .build()
                        .start()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (String s : sentences) {
                responses.add(
                        clients.submit(
                                () -> {
                                    go.await();
                                    return Http.post(
                                            server, "translate", "{\"text\": \"" + s + "\"}");
                                }));
            }
            go.countDown();
            for (int i = 0; i < CLIENTS; i++) {
                HttpResponse<String> r = responses.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                var t = Http.json(r).getAsJsonArray("translations").get(0).getAsJsonObject();
                assertEquals(sentences.get(i), t.get("source").getAsString());
                assertEquals(expected.get(i), t.get("text").getAsString(), "client " + i);
            }
            long calls = server.batching().decodeCalls();
            assertEquals(CLIENTS, server.batching().sentencesDecoded());
            assertTrue(calls < CLIENTS, calls + " searches for " + CLIENTS + " requests");
        } finally {
            clients.shutdownNow();
        }
    }
}
