package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

/**
 * Every kind of bad {@code POST /translate} body gets 400 with a JSON error naming the problem, and
 * the next good request still works.
 */
class BadRequestTest {

    private static TranslationServer server;

    @BeforeAll
    static void start() {
        server =
                TranslationServer.builder()
                        .setModel(ServeFixture.model())
                        .optSettings(
                                ServerSettings.builder()
                                        .optAddress("127.0.0.1", 0)
                                        .optLimits(new RequestLimits(20, 3, 8)))
                        .build()
                        .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "malformed JSON       | {\"text\": \"a b\"         | malformed JSON",
                "empty body           | ``                         | empty body",
                "not an object        | [\"a b\"]                  | must be a JSON object",
                "missing text         | {\"beam\": 2}              | missing field \"text\"",
                "text and texts       | {\"text\": \"a\", \"texts\": [\"b\"]} | either \"text\" or"
                        + " \"texts\", not both",
                "text not a string    | {\"text\": 5}              | \"text\" must be a string",
                "texts not an array   | {\"texts\": \"a b\"}       | \"texts\" must be an array",
                "texts item no string | {\"texts\": [\"a\", 3]}    | \"texts[1]\" must be a string",
                "empty text           | {\"text\": \"  \"}         | \"text\" is empty",
                "empty texts          | {\"texts\": []}            | \"texts\" is empty",
                "over-long text       | {\"text\": \"a b c d e f g h a b c\"} | \"text\" is too long:"
                        + " 21 characters, at most 20",
                "too many texts       | {\"texts\": [\"a\", \"b\", \"c\", \"d\"]} | \"texts\" has 4"
                        + " texts; at most 3",
                "unknown field        | {\"text\": \"a\", \"beem\": 2} | unknown field \"beem\"",
                "beam zero            | {\"text\": \"a\", \"beam\": 0} | beam must be between 1"
                        + " and 8, got 0",
                "beam too large       | {\"text\": \"a\", \"beam\": 9} | beam must be between 1"
                        + " and 8, got 9",
                "beam not an integer  | {\"text\": \"a\", \"beam\": 2.5} | \"beam\" must be an"
                        + " integer",
                "beam a string        | {\"text\": \"a\", \"beam\": \"2\"} | \"beam\" must be an"
                        + " integer",
                "nbest above beam     | {\"text\": \"a\", \"beam\": 2, \"nbest\": 3} | nbest must"
                        + " be between 1 and beam (2), got 3",
                "negative alpha       | {\"text\": \"a\", \"alpha\": -1} | alpha must be a number"
                        + " >= 0",
                "attention not bool   | {\"text\": \"a\", \"attention\": \"yes\"} | \"attention\""
                        + " must be true or false",
            })
    void badInputGets400NamingTheProblemAndTheServerKeepsServing(
            String kind, String body, String expected) {
        HttpResponse<String> response = Http.post(server, "translate", body == null ? "" : body);
        assertEquals(400, response.statusCode(), kind + ": " + response.body());
        assertTrue(
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/json"));
        String error = Http.json(response).get("error").getAsString();
        assertTrue(error.contains(expected), kind + ": " + error);
        assertFalse(error.contains("\n") || error.contains("Exception"), error);
        HttpResponse<String> good = Http.post(server, "translate", "{\"text\": \"a b c\"}");
        assertEquals(200, good.statusCode(), good.body());
    }
}
