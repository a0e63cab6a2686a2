package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import dev.seq2seq.store.Json;

/**
 * The server's bodies in the project's one JSON mapping ({@link Json#COMPACT}: records as objects,
 * null fields left out, no HTML escaping, enums by name), used to write answers and, by a Java
 * client, to read them back.
 */
final class ServeJson {

    private static final Gson GSON = Json.COMPACT;

    private ServeJson() {}

    /** Serialises a body. */
    static String write(Object body) {
        return GSON.toJson(body);
    }

    /**
     * Reads a body of the given type.
     *
     * @throws IllegalArgumentException naming the expected body if the text is not one
     */
    static <T> T read(String json, Class<T> type, String what) {
        T value;
        try {
            value = GSON.fromJson(json, type);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not " + what + ": " + e.getMessage(), e);
        }
        Preconditions.checkArgument(value != null, "not " + what + ": the text is empty");
        return value;
    }
}
