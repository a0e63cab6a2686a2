package dev.seq2seq.store;

import ai.djl.engine.Engine;
import ai.djl.util.Preconditions;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import dev.seq2seq.data.Language;
import dev.seq2seq.data.Units;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Where a trained model came from: enough to reproduce the run (Tribuo's provenance idea). Saved as
 * {@code provenance.json} in every checkpoint.
 *
 * @param dataFile the training corpus, as given
 * @param dataSha256 the corpus file's SHA-256
 * @param sourceLanguage the source language, whose tokenizer the model expects
 * @param targetLanguage the target language
 * @param seed the random seed of the run
 * @param trainingSummary what was trained and for how long, in words
 * @param djlVersion the DJL version
 * @param engine the engine name and version, e.g. {@code PyTorch 2.7.1}
 * @param javaVersion the Java runtime version
 * @param created when the checkpoint was written, ISO-8601 UTC
 * @param units what the model reads and writes, and so its tokenizers ({@link Units#WORDS} also for
 *     a checkpoint written before units were recorded)
 */
public record Provenance(
        String dataFile,
        String dataSha256,
        Language sourceLanguage,
        Language targetLanguage,
        long seed,
        String trainingSummary,
        String djlVersion,
        String engine,
        String javaVersion,
        String created,
        Units units) {

    private static final Gson GSON = Json.GSON;

    /** Reads missing units (an older checkpoint) as words. */
    public Provenance {
        if (units == null) {
            units = Units.WORDS;
        }
    }

    /**
     * Records the current run, filling in versions and the date.
     *
     * @param dataFile the corpus path
     * @param dataSha256 the corpus hash
     * @param source the source language
     * @param target the target language
     * @param seed the seed
     * @param trainingSummary what was trained, e.g. {@code 12 epochs, best valid loss 1.83 at 10}
     * @return the provenance
     */
    public static Provenance of(
            String dataFile,
            String dataSha256,
            Language source,
            Language target,
            long seed,
            String trainingSummary) {
        return of(dataFile, dataSha256, source, target, Units.WORDS, seed, trainingSummary);
    }

    /**
     * Records the current run of a model with the given units, filling in versions and the date.
     *
     * @param dataFile the corpus path
     * @param dataSha256 the corpus hash
     * @param source the source language
     * @param target the target language
     * @param units what the model reads and writes
     * @param seed the seed
     * @param trainingSummary what was trained
     * @return the provenance
     */
    public static Provenance of(
            String dataFile,
            String dataSha256,
            Language source,
            Language target,
            Units units,
            long seed,
            String trainingSummary) {
        Engine engine = Engine.getInstance();
        return new Provenance(
                dataFile,
                dataSha256,
                source,
                target,
                seed,
                trainingSummary,
                Engine.getDjlVersion(),
                engine.getEngineName() + " " + engine.getVersion(),
                Runtime.version().toString(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
                units);
    }

    /**
     * Returns a copy with another training summary.
     *
     * @param summary the new summary
     * @return the copy
     */
    public Provenance withTrainingSummary(String summary) {
        return new Provenance(
                dataFile,
                dataSha256,
                sourceLanguage,
                targetLanguage,
                seed,
                summary,
                djlVersion,
                engine,
                javaVersion,
                created,
                units);
    }

    /**
     * Serialises to JSON.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Parses JSON written by {@link #toJson()}.
     *
     * @param json the text
     * @return the provenance
     * @throws IllegalArgumentException if the JSON is malformed or lacks the languages
     */
    public static Provenance fromJson(String json) {
        Provenance p;
        try {
            p = GSON.fromJson(json, Provenance.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("malformed provenance: " + e.getMessage(), e);
        }
        Preconditions.checkArgument(
                p != null && p.sourceLanguage() != null && p.targetLanguage() != null,
                "provenance lacks sourceLanguage/targetLanguage");
        return p;
    }
}
