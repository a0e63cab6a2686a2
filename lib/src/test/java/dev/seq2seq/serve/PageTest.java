package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

/** {@code GET /}, its static files and {@code GET /health}. */
class PageTest {

    private static TranslationServer server;

    @BeforeAll
    static void start() {
        server = ServeFixture.server();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void thePageHasTheElementsABrowserTestLooksFor() {
        HttpResponse<String> page = Http.get(server, "");
        assertEquals(200, page.statusCode());
        assertTrue(contentType(page).startsWith("text/html"), contentType(page));
        for (String id :
                new String[] {
                    "source",
                    "translate",
                    "beam",
                    "translation",
                    "nbest",
                    "heatmap",
                    "provenance",
                    "error"
                }) {
            assertTrue(page.body().contains("id=\"" + id + "\""), id);
        }
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"));
    }

    @Test
    void scriptAndStyleComeFromTheServerWithTheirContentTypes() {
        HttpResponse<String> script = Http.get(server, "app.js");
        assertEquals(200, script.statusCode());
        assertTrue(contentType(script).contains("javascript"), contentType(script));
        assertTrue(script.body().contains("'cell'") && script.body().contains("translate"));
        HttpResponse<String> style = Http.get(server, "style.css");
        assertEquals(200, style.statusCode());
        assertTrue(contentType(style).startsWith("text/css"), contentType(style));
        assertEquals(404, Http.get(server, "nothing-here.js").statusCode());
    }

    @Test
    void healthReportsTheModelAndItsProvenance() {
        HttpResponse<String> r = Http.get(server, "health");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("application/json"));
        JsonObject health = Http.json(r);
        assertEquals("ok", health.get("status").getAsString());
        assertEquals("copy-model", health.get("model").getAsString());
        JsonObject p = health.getAsJsonObject("provenance");
        assertEquals("c0ffee", p.get("dataSha256").getAsString());
        assertEquals(1, p.get("seed").getAsLong());
        assertTrue(p.get("epochs").getAsInt() >= 1, p.toString());
        assertTrue(p.get("trained").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT.*"));
        assertTrue(p.has("djlVersion") && p.has("engine") && p.has("bestValidLoss"), p.toString());
        assertEquals(ServeFixture.LONGEST_SOURCE, p.get("maxSourceLength").getAsInt());
        assertEquals(16, health.getAsJsonObject("limits").get("maxBeam").getAsInt());
    }

    @Test
    void healthReadsBackIntoItsRecord() {
        HealthResponse h = HealthResponse.fromJson(Http.get(server, "health").body());
        assertEquals("ok", h.status());
        assertEquals("copy-model", h.model());
        assertEquals("c0ffee", h.provenance().get("dataSha256"));
        assertEquals(RequestLimits.defaults(), h.limits());
        assertEquals(BatchingTranslator.DEFAULT_MAX_BATCH, h.batching().get("maxBatch"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HealthResponse.fromJson("{\"error\": \"x\"}"));
        assertTrue(e.getMessage().startsWith("not a /health answer"), e.getMessage());
    }
}
