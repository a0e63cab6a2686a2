package dev.seq2seq.results;

import ai.djl.util.Preconditions;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;

import dev.seq2seq.data.DataFileException;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.store.AtomicFile;
import dev.seq2seq.store.ConfigJson;
import dev.seq2seq.store.Json;
import dev.seq2seq.store.Provenance;
import dev.seq2seq.store.RunSettings;
import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.train.TrainingHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed record of a trained model's results: what a notebook that only compares with the
 * model needs when the model itself is not on this machine. One JSON file per model, named after
 * its folder in {@code build/models/} ({@code bahdanau-full.json}), holding
 *
 * <ul>
 *   <li>the training: who trained it ({@link Origin}), its architecture, training and data
 *       settings, provenance (corpus SHA-256, seed, versions, date), parameter count, the SHA-256
 *       of its parameter file (which identifies the trained model), minutes and the history of its
 *       epochs;
 *   <li>evaluations by name ({@code "test, greedy"}): the output tokens of every test sentence and
 *       the scores with their sacreBLEU signatures, from which any corpus or per-sentence score
 *       (BLEU by length, a paired bootstrap) is recomputed exactly;
 *   <li>measures by name ({@code "test, teacher-forced accuracy"}): single numbers.
 * </ul>
 *
 * Each evaluation and measure carries the origin of the run that computed it. Immutable: the {@code
 * with} methods return a new record.
 */
public final class ModelRecord {

    /** The format's version, written in every file. */
    public static final int VERSION = 1;

    /**
     * One recorded evaluation.
     *
     * @param recorded who computed it
     * @param bleu the case-insensitive BLEU, as {@code eval.BleuScore#toString} printed it
     * @param caseSensitiveBleu the case-sensitive BLEU, printed the same way
     * @param chrf the chrF, as {@code eval.ChrfScore#toString} printed it
     * @param outputs the output tokens of each test sentence, joined by spaces, in test order
     */
    public record Evaluation(
            Origin recorded,
            String bleu,
            String caseSensitiveBleu,
            String chrf,
            List<String> outputs) {}

    /**
     * One recorded number.
     *
     * @param recorded who computed it
     * @param value the number
     */
    public record Measure(Origin recorded, double value) {}

    /** The file's JSON form; the architecture, settings and provenance keep their own forms. */
    private record FileForm(
            int version,
            String model,
            Origin trained,
            JsonElement config,
            JsonElement settings,
            JsonElement provenance,
            long parameters,
            String parametersSha256,
            double minutes,
            String history,
            Map<String, Evaluation> evaluations,
            Map<String, Measure> measures) {}

    private final String model;
    private final Origin trained;
    private final Seq2SeqConfig config;
    private final RunSettings settings;
    private final Provenance provenance;
    private final long parameters;
    private final String parametersSha256;
    private final double minutes;
    private final TrainingHistory history;
    private final Map<String, Evaluation> evaluations;
    private final Map<String, Measure> measures;

    private ModelRecord(
            String model,
            Origin trained,
            Seq2SeqConfig config,
            RunSettings settings,
            Provenance provenance,
            long parameters,
            String parametersSha256,
            double minutes,
            TrainingHistory history,
            Map<String, Evaluation> evaluations,
            Map<String, Measure> measures) {
        this.model = model;
        this.trained = trained;
        this.config = config;
        this.settings = settings;
        this.provenance = provenance;
        this.parameters = parameters;
        this.parametersSha256 = parametersSha256;
        this.minutes = minutes;
        this.history = history;
        this.evaluations = Map.copyOf(evaluations);
        this.measures = Map.copyOf(measures);
    }

    /**
     * A record of a run's training, with no evaluation yet.
     *
     * @param model the name of the run's folder, e.g. {@code bahdanau-full}
     * @param run the trained or loaded run
     * @param parameters the model's parameter count
     * @param parametersSha256 the SHA-256 of its saved parameter file
     * @param trained who trained it
     * @return the record
     */
    public static ModelRecord of(
            String model,
            TrainingRun run,
            long parameters,
            String parametersSha256,
            Origin trained) {
        return new ModelRecord(
                model,
                trained,
                run.trained().model().config(),
                run.settings(),
                run.trained().provenance(),
                parameters,
                parametersSha256,
                run.minutes(),
                run.history(),
                Map.of(),
                Map.of());
    }

    /**
     * Reads a record.
     *
     * @param file the JSON file
     * @return the record
     * @throws IllegalArgumentException naming the file if it cannot be read, is not JSON, is of
     *     another version or lacks a part
     */
    public static ModelRecord load(Path file) {
        FileForm form;
        try {
            form =
                    Json.GSON.fromJson(
                            Files.readString(file, StandardCharsets.UTF_8), FileForm.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the record " + file + ": " + e, e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(
                    "the record " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        Preconditions.checkArgument(
                form != null && form.version() == VERSION,
                "the record "
                        + file
                        + " has format version "
                        + (form == null ? "none" : form.version())
                        + ", expected "
                        + VERSION);
        Preconditions.checkArgument(
                form.model() != null
                        && form.trained() != null
                        && form.config() != null
                        && form.settings() != null
                        && form.provenance() != null
                        && form.parametersSha256() != null
                        && form.history() != null,
                "the record "
                        + file
                        + " lacks a part: it needs model, trained, config, settings, provenance,"
                        + " parametersSha256 and history");
        try {
            return new ModelRecord(
                    form.model(),
                    form.trained(),
                    ConfigJson.fromJson(form.config().toString()),
                    Json.GSON.fromJson(form.settings(), RunSettings.class),
                    Provenance.fromJson(form.provenance().toString()),
                    form.parameters(),
                    form.parametersSha256(),
                    form.minutes(),
                    TrainingHistory.fromCsv(file, form.history()),
                    form.evaluations() == null ? Map.of() : form.evaluations(),
                    form.measures() == null ? Map.of() : form.measures());
        } catch (JsonParseException | DataFileException e) {
            throw new IllegalArgumentException("the record " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the record atomically ({@link AtomicFile}), creating the folder.
     *
     * @param file the JSON file
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public void save(Path file) {
        FileForm form =
                new FileForm(
                        VERSION,
                        model,
                        trained,
                        Json.GSON.toJsonTree(config),
                        Json.GSON.toJsonTree(settings),
                        Json.GSON.toJsonTree(provenance),
                        parameters,
                        parametersSha256,
                        minutes,
                        history.toCsv(),
                        new java.util.TreeMap<>(evaluations),
                        new java.util.TreeMap<>(measures));
        AtomicFile.writeString(file, Json.GSON.toJson(form) + "\n");
    }

    /**
     * Returns a copy with an evaluation added or replaced.
     *
     * @param name the evaluation's name, e.g. {@code test, greedy}
     * @param evaluation the evaluation
     * @return the new record
     */
    public ModelRecord withEvaluation(String name, Evaluation evaluation) {
        Map<String, Evaluation> copy = new LinkedHashMap<>(evaluations);
        copy.put(name, evaluation);
        return with(copy, measures);
    }

    /**
     * Returns a copy with a measure added or replaced.
     *
     * @param name the measure's name, e.g. {@code test, teacher-forced accuracy}
     * @param measure the measure
     * @return the new record
     */
    public ModelRecord withMeasure(String name, Measure measure) {
        Map<String, Measure> copy = new LinkedHashMap<>(measures);
        copy.put(name, measure);
        return with(evaluations, copy);
    }

    private ModelRecord with(Map<String, Evaluation> evaluations, Map<String, Measure> measures) {
        return new ModelRecord(
                model,
                trained,
                config,
                settings,
                provenance,
                parameters,
                parametersSha256,
                minutes,
                history,
                evaluations,
                measures);
    }

    /**
     * Says how this record's run differs from a requested one (see {@code
     * TrainingRunFolder.differences}).
     *
     * @param config the requested architecture
     * @param settings the requested training and data settings
     * @param dataSha256 the requested corpus's hash
     * @return the differing parts, empty if the record stands for the requested run
     */
    public List<String> differences(Seq2SeqConfig config, RunSettings settings, String dataSha256) {
        return dev.seq2seq.store.TrainingRunFolder.differences(
                config, settings, dataSha256, this.config, this.settings, provenance.dataSha256());
    }

    /**
     * Returns the folder name of the model, e.g. {@code bahdanau-full}.
     *
     * @return the name
     */
    public String model() {
        return model;
    }

    /**
     * Returns who trained the model.
     *
     * @return the origin of the training
     */
    public Origin trained() {
        return trained;
    }

    /**
     * Returns the architecture.
     *
     * @return the configuration
     */
    public Seq2SeqConfig config() {
        return config;
    }

    /**
     * Returns the training and data settings.
     *
     * @return the settings
     */
    public RunSettings settings() {
        return settings;
    }

    /**
     * Returns the provenance: corpus hash, seed, versions, date.
     *
     * @return the provenance
     */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Returns the number of parameters.
     *
     * @return the count
     */
    public long parameters() {
        return parameters;
    }

    /**
     * Returns the SHA-256 of the model's parameter file, which identifies the trained model.
     *
     * @return 64 hex digits
     */
    public String parametersSha256() {
        return parametersSha256;
    }

    /**
     * Returns the training time in minutes.
     *
     * @return the minutes
     */
    public double minutes() {
        return minutes;
    }

    /**
     * Returns the training history.
     *
     * @return one record per epoch
     */
    public TrainingHistory history() {
        return history;
    }

    /**
     * Returns the evaluations by name.
     *
     * @return an unmodifiable map
     */
    public Map<String, Evaluation> evaluations() {
        return evaluations;
    }

    /**
     * Returns the measures by name.
     *
     * @return an unmodifiable map
     */
    public Map<String, Measure> measures() {
        return measures;
    }
}
