package dev.seq2seq.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@code POST /translate} body into a {@link TranslateRequest}, or a {@link
 * BadRequestException} whose message names the field and the problem. The body is a JSON object
 * with {@code "text"} (a string) or {@code "texts"} (an array of strings), and optionally {@code
 * "beam"} (integer ≥ 1, default 1), {@code "alpha"} (number ≥ 0, default 0), {@code "nbest"}
 * (integer 1 to beam, default 1) and {@code "attention"} (boolean, default false). Any other field
 * is refused, so that a misspelt option is not silently ignored.
 */
public final class TranslateRequestParser {

    private static final Set<String> FIELDS =
            Set.of("text", "texts", "beam", "alpha", "nbest", "attention");

    private final RequestLimits limits;

    /**
     * Creates a parser.
     *
     * @param limits the most a request may ask for
     */
    public TranslateRequestParser(RequestLimits limits) {
        this.limits = limits;
    }

    /**
     * Parses a body.
     *
     * @param body the request body
     * @return the request
     * @throws BadRequestException naming the problem: malformed JSON, not an object, an unknown
     *     field, text and texts both or neither given, a wrong type, an empty or over-long text,
     *     too many texts, beam or nbest out of range
     */
    public TranslateRequest parse(String body) {
        JsonObject json = object(body);
        for (Map.Entry<String, JsonElement> field : json.entrySet()) {
            if (!FIELDS.contains(field.getKey())) {
                throw new BadRequestException(
                        "unknown field \""
                                + field.getKey()
                                + "\"; expected text or texts, and optionally beam, alpha,"
                                + " nbest, attention");
            }
        }
        List<String> texts = texts(json);
        int beam = integer(json, "beam", 1);
        if (beam < 1 || beam > limits.maxBeam()) {
            throw new BadRequestException(
                    "beam must be between 1 and " + limits.maxBeam() + ", got " + beam);
        }
        int nbest = integer(json, "nbest", 1);
        double alpha = number(json, "alpha", 0);
        SearchSettings settings;
        try {
            settings = new SearchSettings(beam, alpha, nbest); // the search's own range checks
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        boolean attention = bool(json, "attention");
        return new TranslateRequest(texts, settings, attention);
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException(
                    "empty body: send a JSON object such as {\"text\": \"I love you.\"}");
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BadRequestException("malformed JSON: " + firstLine(cause.getMessage()));
        }
        if (!json.isJsonObject()) {
            throw new BadRequestException(
                    "the body must be a JSON object such as {\"text\": \"I love you.\"}");
        }
        return json.getAsJsonObject();
    }

    private List<String> texts(JsonObject json) {
        boolean one = json.has("text");
        boolean many = json.has("texts");
        if (one == many) {
            throw new BadRequestException(
                    one
                            ? "give either \"text\" or \"texts\", not both"
                            : "missing field \"text\" (a string) or \"texts\" (an array of strings)");
        }
        if (one) {
            return List.of(text(json.get("text"), "text"));
        }
        JsonElement array = json.get("texts");
        if (!array.isJsonArray()) {
            throw new BadRequestException("\"texts\" must be an array of strings");
        }
        int n = array.getAsJsonArray().size();
        if (n == 0) {
            throw new BadRequestException("\"texts\" is empty: give at least one text");
        }
        if (n > limits.maxTexts()) {
            throw new BadRequestException(
                    "\"texts\" has " + n + " texts; at most " + limits.maxTexts() + " are allowed");
        }
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(text(array.getAsJsonArray().get(i), "texts[" + i + "]"));
        }
        return texts;
    }

    private String text(JsonElement element, String name) {
        if (!(element.isJsonPrimitive() && element.getAsJsonPrimitive().isString())) {
            throw new BadRequestException("\"" + name + "\" must be a string");
        }
        String text = element.getAsString();
        if (text.isBlank()) {
            throw new BadRequestException("\"" + name + "\" is empty");
        }
        if (text.length() > limits.maxChars()) {
            throw new BadRequestException(
                    String.format(
                            "\"%s\" is too long: %d characters, at most %d are allowed",
                            name, text.length(), limits.maxChars()));
        }
        return text;
    }

    private static int integer(JsonObject json, String name, int fallback) {
        if (!json.has(name)) {
            return fallback;
        }
        JsonPrimitive value = primitiveNumber(json, name, "an integer");
        double d = value.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new BadRequestException("\"" + name + "\" must be an integer, got " + value);
        }
        return (int) d;
    }

    private static double number(JsonObject json, String name, double fallback) {
        return json.has(name) ? primitiveNumber(json, name, "a number").getAsDouble() : fallback;
    }

    private static JsonPrimitive primitiveNumber(JsonObject json, String name, String kind) {
        JsonElement e = json.get(name);
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())) {
            throw new BadRequestException("\"" + name + "\" must be " + kind + ", got " + e);
        }
        return e.getAsJsonPrimitive();
    }

    private static boolean bool(JsonObject json, String name) {
        if (!json.has(name)) {
            return false;
        }
        JsonElement e = json.get(name);
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean())) {
            throw new BadRequestException("\"" + name + "\" must be true or false, got " + e);
        }
        return e.getAsBoolean();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot parse the body";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
