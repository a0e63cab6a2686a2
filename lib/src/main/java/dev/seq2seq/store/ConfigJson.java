package dev.seq2seq.store;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import dev.seq2seq.nn.Seq2SeqConfig;

/**
 * A model configuration as the JSON of a checkpoint's {@code config.json}, through the project's
 * one JSON mapping ({@link Json}): enum names are read strictly (in any letter case), and the
 * record's own validation runs on what is read, so a bad file fails with the rule it breaks.
 */
public final class ConfigJson {

    /**
     * The attention score floor of a Transformer whose {@code config.json} predates the setting:
     * those models were all trained with it (see {@code
     * Seq2SeqConfig.Builder.optAttentionScoreFloor}).
     */
    static final float FLOOR_BEFORE_THE_SETTING = 50f;

    private ConfigJson() {}

    /**
     * Serialises a configuration.
     *
     * @param config the configuration
     * @return pretty-printed JSON
     */
    public static String toJson(Seq2SeqConfig config) {
        return Json.GSON.toJson(config);
    }

    /**
     * Parses JSON written by {@link #toJson}, including files written before the Transformer
     * existed (no {@code architecture}: recurrent), before scores were typed (lower-case names) and
     * before the attention score floor was a setting (a Transformer without {@code
     * attentionScoreFloor} was trained with {@value #FLOOR_BEFORE_THE_SETTING}).
     *
     * @param json the JSON text
     * @return the configuration
     * @throws IllegalArgumentException if the JSON is malformed, names an unknown cell, bridge,
     *     decoder or score, or a value is invalid
     */
    public static Seq2SeqConfig fromJson(String json) {
        try {
            JsonElement tree = Json.GSON.fromJson(json, JsonElement.class);
            if (tree != null
                    && tree.isJsonObject()
                    && tree.getAsJsonObject().get("transformer") instanceof JsonObject t
                    && !t.has("attentionScoreFloor")) {
                t.addProperty("attentionScoreFloor", FLOOR_BEFORE_THE_SETTING);
            }
            Seq2SeqConfig config = Json.GSON.fromJson(tree, Seq2SeqConfig.class);
            if (config == null) {
                throw new IllegalArgumentException("empty model configuration");
            }
            return config;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(
                    "malformed model configuration: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps what the record's constructor throws: give the caller the validation
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw e;
        }
    }
}
