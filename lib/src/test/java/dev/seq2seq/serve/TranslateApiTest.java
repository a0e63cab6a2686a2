package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

/** {@code POST /translate} with a copy-task model over loopback. */
class TranslateApiTest {

    private static TranslationServer server;

    @BeforeAll
    static void start() {
        server = ServeFixture.server();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneTextIsTranslatedAsTheTranslatorAloneTranslatesIt() {
        HttpResponse<String> response = Http.post(server, "translate", "{\"text\": \"a c e g\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/json"));
        JsonObject body = Http.json(response);
        JsonObject t = body.getAsJsonArray("translations").get(0).getAsJsonObject();
        assertEquals("a c e g", t.get("source").getAsString());
        assertEquals(ServeFixture.alone("a c e g"), t.get("text").getAsString());
        assertEquals(
                t.get("text").getAsString(),
                String.join(
                        " ",
                        t.getAsJsonArray("tokens").asList().stream()
                                .map(e -> e.getAsString())
                                .toList()));
        assertTrue(t.get("score").getAsDouble() <= 0);
        assertFalse(t.has("nbest") || t.has("attention") || t.has("warning"), t.toString());
        assertEquals("copy-model", body.get("model").getAsString());
        assertTrue(body.get("milliseconds").getAsDouble() > 0);
    }

    @Test
    void textsComeBackInInputOrder() {
        List<String> texts = List.of("h g f e d c b a", "a", "b b b", "c d e f", "a b");
        String body = "{\"texts\": [\"" + String.join("\", \"", texts) + "\"]}";
        HttpResponse<String> response = Http.post(server, "translate", body);
        assertEquals(200, response.statusCode(), response.body());
        JsonArray out = Http.json(response).getAsJsonArray("translations");
        assertEquals(texts.size(), out.size());
        for (int i = 0; i < texts.size(); i++) {
            JsonObject t = out.get(i).getAsJsonObject();
            assertEquals(texts.get(i), t.get("source").getAsString());
            assertEquals(ServeFixture.alone(texts.get(i)), t.get("text").getAsString());
        }
    }

    @Test
    void nBestListsAreSortedAndAttentionHasOneRowPerOutputToken() {
        HttpResponse<String> response =
                Http.post(
                        server,
                        "translate",
                        "{\"text\": \"b d f\", \"beam\": 4, \"nbest\": 3, \"alpha\": 0.6,"
                                + " \"attention\": true}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject t = Http.json(response).getAsJsonArray("translations").get(0).getAsJsonObject();
        JsonArray nbest = t.getAsJsonArray("nbest");
        assertEquals(3, nbest.size());
        assertEquals(t.get("text"), nbest.get(0).getAsJsonObject().get("text"));
        for (int i = 1; i < nbest.size(); i++) {
            assertTrue(
                    nbest.get(i - 1).getAsJsonObject().get("score").getAsDouble()
                            >= nbest.get(i).getAsJsonObject().get("score").getAsDouble());
        }
        JsonObject attention = t.getAsJsonObject("attention");
        JsonArray source = attention.getAsJsonArray("source");
        JsonArray target = attention.getAsJsonArray("target");
        JsonArray weights = attention.getAsJsonArray("weights");
        assertEquals(List.of("b", "d", "f", "<eos>"), strings(source));
        assertEquals(t.getAsJsonArray("tokens").size() + 1, target.size());
        assertEquals("<eos>", target.get(target.size() - 1).getAsString());
        assertEquals(target.size(), weights.size());
        for (int row = 0; row < weights.size(); row++) {
            JsonArray w = weights.get(row).getAsJsonArray();
            assertEquals(source.size(), w.size());
            double sum = 0;
            for (int s = 0; s < w.size(); s++) {
                sum += w.get(s).getAsDouble();
            }
            assertEquals(1.0, sum, 1e-3, "row " + row + " is a distribution");
        }
    }

    @Test
    void inputsLongerThanTheTrainingSentencesCarryAWarning() {
        String longText = "a b c d e f g h a b c d e f g h a"; // 17 > 8 tokens
        HttpResponse<String> response =
                Http.post(
                        server,
                        "translate",
                        "{\"texts\": [\"a b c d e f g h\", \"" + longText + "\"]}");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray out = Http.json(response).getAsJsonArray("translations");
        assertFalse(out.get(0).getAsJsonObject().has("warning"));
        String warning = out.get(1).getAsJsonObject().get("warning").getAsString();
        assertTrue(
                warning.contains("17 source tokens")
                        && warning.contains(
                                "training length limit (" + ServeFixture.LONGEST_SOURCE + ")"),
                warning);
    }

    @Test
    void answersReadBackIntoTheirRecords() {
        HttpResponse<String> ok =
                Http.post(
                        server,
                        "translate",
                        "{\"texts\": [\"b d f\", \"a\"], \"beam\": 2, \"nbest\": 2,"
                                + " \"attention\": true}");
        TranslateResponse r = TranslateResponse.fromJson(ok.body());
        assertEquals("copy-model", r.model());
        assertEquals(
                List.of("b d f", "a"), r.translations().stream().map(t -> t.source()).toList());
        TranslationResult first = r.translations().get(0);
        assertEquals(ServeFixture.alone("b d f"), first.text());
        assertEquals(2, first.nbest().size());
        assertEquals(first.attention().target().size(), first.attention().weights().length);
        assertEquals(first.attention().source().size(), first.attention().weights()[0].length);

        HttpResponse<String> bad = Http.post(server, "translate", "{\"text\": \"\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(ErrorResponse.fromJson(bad.body()).error().contains("text"), bad.body());
        IllegalArgumentException notAnAnswer =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TranslateResponse.fromJson(bad.body()));
        assertTrue(
                notAnAnswer.getMessage().startsWith("not a /translate answer"),
                notAnAnswer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ErrorResponse.fromJson("[1, 2"));
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(e -> e.getAsString()).toList();
    }
}
