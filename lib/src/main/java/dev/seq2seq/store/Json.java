package dev.seq2seq.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The project's one JSON mapping, for every file it writes and every body it serves: Gson with
 * enums written by name and read by name whatever the case and with {@code -} or {@code _} between
 * words ({@code "scaled-dot"} and {@code "SCALED_DOT"} are the same score). An unknown name is an
 * error that lists the known ones, where Gson alone would silently read {@code null}.
 */
public final class Json {

    /** The pretty-printing Gson that reads and writes every JSON file of the project. */
    public static final Gson GSON = builder().setPrettyPrinting().create();

    /**
     * The same mapping on one line, for bodies sent over HTTP (the server's answers and requests).
     */
    public static final Gson COMPACT = builder().create();

    private Json() {}

    private static GsonBuilder builder() {
        return new GsonBuilder()
                .registerTypeAdapterFactory(new EnumsByName())
                .disableHtmlEscaping(); // JSON, not HTML: '=' stays '=', not \u003d
    }

    /**
     * Finds an enum constant by name, ignoring case, {@code -} standing for {@code _}.
     *
     * @param type the enum class
     * @param name the name
     * @param <E> the enum type
     * @return the constant
     * @throws IllegalArgumentException if no constant has that name; the message lists them
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "unknown "
                        + type.getSimpleName()
                        + " '"
                        + name
                        + "', expected one of "
                        + Arrays.toString(type.getEnumConstants()));
    }

    private static final class EnumsByName implements TypeAdapterFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> token) {
            Class raw = token.getRawType();
            if (!raw.isEnum()) {
                return null;
            }
            return new TypeAdapter<T>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(((Enum<?>) value).name());
                    }
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.NULL) {
                        in.nextNull();
                        return null;
                    }
                    try {
                        return (T) parse(raw, in.nextString());
                    } catch (IllegalArgumentException e) {
                        throw new JsonParseException(e.getMessage(), e);
                    }
                }
            };
        }
    }
}
