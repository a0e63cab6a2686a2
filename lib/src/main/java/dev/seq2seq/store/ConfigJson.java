package dev.seq2seq.store;

import ai.djl.util.Preconditions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.RecurrentSettings;
import dev.seq2seq.nn.Seq2SeqConfig;

import java.util.List;

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

    /**
     * The recurrent settings that a {@code config.json} written before {@link RecurrentSettings}
     * existed holds at its top level.
     */
    private static final List<String> FLAT_RECURRENT_FIELDS =
            List.of(
                    "cell",
                    "layers",
                    "bidirectional",
                    "bridge",
                    "decoder",
                    "attentionScore",
                    "attentionSize",
                    "localWindow",
                    "inputFeeding");

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
     * attentionScoreFloor} was trained with {@value #FLOOR_BEFORE_THE_SETTING}), and before the
     * recurrent settings had an object of their own (they were top-level fields, which a
     * Transformer's file also carried and ignored).
     *
     * @param json the JSON text
     * @return the configuration
     * @throws IllegalArgumentException if the JSON is malformed, names an unknown cell, bridge,
     *     decoder or score, or a value is invalid
     */
    public static Seq2SeqConfig fromJson(String json) {
        try {
            JsonElement tree = Json.GSON.fromJson(json, JsonElement.class);
            if (tree != null && tree.isJsonObject()) {
                upgrade(tree.getAsJsonObject());
            }
            Seq2SeqConfig config = Json.GSON.fromJson(tree, Seq2SeqConfig.class);
            Preconditions.checkArgument(config != null, "empty model configuration");
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

    /** Rewrites the JSON of an older file in today's form, in place. */
    private static void upgrade(JsonObject config) {
        boolean transformer =
                config.get("architecture") instanceof JsonPrimitive name
                        && Json.parse(Architecture.class, name.getAsString())
                                == Architecture.TRANSFORMER;
        if (!config.has("recurrent")) {
            JsonObject recurrent = new JsonObject();
            for (String field : FLAT_RECURRENT_FIELDS) {
                JsonElement value = config.remove(field);
                if (value != null) {
                    recurrent.add(field, value);
                }
            }
            if (!transformer && recurrent.size() > 0) {
                config.add("recurrent", recurrent);
            }
        }
        if (config.get("transformer") instanceof JsonObject t && !t.has("attentionScoreFloor")) {
            t.addProperty("attentionScoreFloor", FLOOR_BEFORE_THE_SETTING);
        }
    }
}
