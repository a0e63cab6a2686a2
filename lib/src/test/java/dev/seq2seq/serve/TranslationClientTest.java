package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/** The Java client against a copy-task model's server over loopback. */
class TranslationClientTest {

    private static TranslationServer server;
    private static TranslationClient client;

    @BeforeAll
    static void start() {
        server = ServeFixture.server();
        client = TranslationClient.of(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void requestBodyReadsBackToAnEqualRequest() {
        TranslateRequest request =
                new TranslateRequest(
                        List.of("a \"quoted\" text", "é\n"), new SearchSettings(4, 0.6, 3), true);
        assertEquals(
                request,
                new TranslateRequestParser(RequestLimits.defaults()).parse(request.toJson()));
    }

    @Test
    void translationsAreTheServersInInputOrder() {
        TranslateResponse r =
                client.translate(
                        new TranslateRequest(
                                List.of("c b a", "a b"), SearchSettings.GREEDY, false));
        assertEquals(
                List.of(ServeFixture.alone("c b a"), ServeFixture.alone("a b")),
                r.translations().stream().map(TranslationResult::text).toList());
        assertEquals("copy-model", client.health().model());
    }

    @Test
    void anErrorStatusCarriesTheServersMessage() {
        TranslationClient.ErrorStatusException e =
                assertThrows(
                        TranslationClient.ErrorStatusException.class,
                        () ->
                                client.translate(
                                        new TranslateRequest(
                                                List.of("a"),
                                                new SearchSettings(99, 0, 1),
                                                false)));
        assertEquals(400, e.status());
        assertTrue(
                e.getMessage().startsWith("HTTP 400: ") && e.getMessage().contains("beam"),
                e.getMessage());
        assertEquals(400, client.post("{\"text\": ").statusCode());
    }

    @Test
    void anUnreachableServerIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing listens there
        }
        String url = "http://127.0.0.1:" + port + "/";
        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> TranslationClient.of(url).health());
        assertTrue(e.getMessage().startsWith("cannot reach " + url), e.getMessage());
    }
}
