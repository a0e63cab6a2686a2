package dev.seq2seq.results;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.FileHash;
import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.eval.TestSetEvaluation;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.store.Checkpoint;
import dev.seq2seq.store.RunSettings;
import dev.seq2seq.store.TrainedModels;
import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.store.TrainingRunFolder;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingHistory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A trained model's results in a notebook: computed from the model when it is on this machine, read
 * from its committed {@link ModelRecord} when it is not. A notebook that only compares with another
 * notebook's model ({@link #compared}) thus runs alone without training that model; the numbers it
 * then prints come from the record and say so ({@link #note}). Whatever is computed from a live
 * model is written to its record, with the {@link Origin} of this run, so that the next notebook
 * run alone finds it.
 *
 * <pre>{@code
 * ModelResults plain = ModelResults.compared(Path.of("../build/models/plain-full"), data,
 *         plainConfig, training, manager, profile.resultsFolder(), "04", System.out);
 * TestSetEvaluation plainTest = plain.evaluate("test, greedy", test,
 *         model -> TestSetEvaluation.of(greedyTranslator(model), test, Language.FRENCH));
 * System.out.println("no attention" + plain.note() + ": " + plainTest.caseSensitiveBleu());
 * }</pre>
 */
public final class ModelResults {

    private final Path file;
    private final TranslationData data;
    private final TrainingRun run; // null when recorded
    private final String notebook; // this run's notebook, the origin of what it records
    private ModelRecord record;

    private ModelResults(
            Path file, TranslationData data, TrainingRun run, String notebook, ModelRecord record) {
        this.file = file;
        this.data = data;
        this.run = run;
        this.notebook = notebook;
        this.record = record;
    }

    /**
     * The results of a notebook's own model, just trained or loaded: computed from the model, and
     * recorded. A record of other parameters (another training of this model) is replaced; one of
     * the same parameters keeps its evaluations.
     *
     * @param run the run, as {@code TrainedModels.loadOrTrain} returned it
     * @param folder the run's folder in {@code build/models/}, which holds it (as {@code
     *     TrainedModels.loadOrTrain} leaves it); the record is named after it
     * @param data the data the model was trained on
     * @param records the folder of records ({@code Profile.resultsFolder()})
     * @param notebook this notebook's number, e.g. {@code 04}
     * @return the live results
     * @throws IllegalArgumentException if an existing record cannot be read
     */
    public static ModelResults of(
            TrainingRun run, Path folder, TranslationData data, Path records, String notebook) {
        Path file = fileFor(records, folder);
        String parametersSha256 = FileHash.sha256(folder.resolve(Checkpoint.PARAMETERS));
        ModelRecord fresh =
                ModelRecord.of(
                        name(folder),
                        run,
                        parameterCount(run),
                        parametersSha256,
                        Origin.now(notebook));
        ModelRecord record = fresh;
        if (Files.isRegularFile(file)) {
            ModelRecord existing = ModelRecord.load(file);
            if (existing.parametersSha256().equals(parametersSha256)) {
                record = existing; // the same trained parameters: its evaluations stand
            }
        }
        if (record == fresh) {
            record.save(file);
        }
        return new ModelResults(file, data, run, notebook, record);
    }

    /**
     * The results of another notebook's model, for comparison: the model if {@code folder} holds it
     * trained with these settings on this corpus, its record otherwise. Says on {@code out} which
     * it is.
     *
     * @param folder the model's folder in {@code build/models/}
     * @param data the data the model was trained on
     * @param config its architecture
     * @param training its training settings
     * @param manager the manager that will own its parameters if it is loaded
     * @param records the folder of records ({@code Profile.resultsFolder()})
     * @param notebook this notebook's number, e.g. {@code 09}
     * @param out where to say whether the model or its record is used
     * @return live or recorded results
     * @throws IllegalStateException if neither the model nor a record of it with these settings is
     *     there; the message says which notebook to run
     */
    public static ModelResults compared(
            Path folder,
            TranslationData data,
            Seq2SeqConfig config,
            TrainingConfig training,
            NDManager manager,
            Path records,
            String notebook,
            PrintStream out) {
        RunSettings settings = RunSettings.of(training, data);
        String sha = data.corpus().sha256();
        if (TrainingRunFolder.whyNotReusable(folder, config, settings, sha).isEmpty()) {
            TrainingRun run = TrainingRunFolder.load(folder, manager);
            out.println(TrainedModels.loadedLine(folder, run));
            return of(run, folder, data, records, notebook);
        }
        Path file = fileFor(records, folder);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "neither the model "
                            + folder
                            + " nor its record "
                            + file
                            + " is here: run the notebook that trains "
                            + name(folder)
                            + " first");
        }
        ModelRecord record = ModelRecord.load(file);
        List<String> differences = record.differences(config, settings, sha);
        if (!differences.isEmpty()) {
            throw new IllegalStateException(
                    "the record "
                            + file
                            + " is of a model trained otherwise ("
                            + String.join("; ", differences)
                            + "): run notebook "
                            + record.trained().notebook()
                            + " to train it");
        }
        out.printf(
                java.util.Locale.ROOT,
                "%s is not in %s: using its results recorded by %s (%d epochs in %.1f min)%n",
                name(folder),
                folder.getParent(),
                record.trained().describe(),
                record.history().records().size(),
                record.minutes());
        return new ModelResults(file, data, null, notebook, record);
    }

    /**
     * Returns whether these results come from the record, not from the model.
     *
     * @return true when recorded
     */
    public boolean isRecorded() {
        return run == null;
    }

    /**
     * A note to print beside recorded numbers, so that they are not taken for this run's.
     *
     * @return {@code ""} for live results, else e.g. {@code " (recorded by notebook 03 on
     *     2026-12-07)"}
     */
    public String note() {
        return isRecorded()
                ? " (recorded by notebook "
                        + record.trained().notebook()
                        + " on "
                        + record.trained().date()
                        + ")"
                : "";
    }

    /**
     * Returns the run when the model is here.
     *
     * @return the run, or empty when the results are recorded
     */
    public Optional<TrainingRun> run() {
        return Optional.ofNullable(run);
    }

    /**
     * Returns the record as it stands, with what this run has computed so far.
     *
     * @return the record
     */
    public ModelRecord record() {
        return record;
    }

    /**
     * Returns the training history (live or recorded).
     *
     * @return one record per epoch
     */
    public TrainingHistory history() {
        return record.history();
    }

    /**
     * Returns the training time in minutes, as recorded when the model trained.
     *
     * @return the minutes
     */
    public double minutes() {
        return record.minutes();
    }

    /**
     * Returns the number of parameters.
     *
     * @return the count
     */
    public long parameters() {
        return record.parameters();
    }

    /**
     * Evaluates the model on a test set, or reads the evaluation from the record. Live, the result
     * is recorded under {@code name} with this run's origin.
     *
     * @param name the evaluation's name, the same in every notebook that uses it, e.g. {@code
     *     "test, greedy"}
     * @param test the test set the evaluation is of
     * @param compute computes the evaluation from the model (not called when recorded)
     * @return the evaluation; recorded, its translations are rebuilt from the recorded tokens
     *     ({@link Translator#recorded}) and its scores recomputed, equal to the live ones
     * @throws IllegalStateException if recorded and the record has no such evaluation, or its
     *     outputs do not fit {@code test} (another test split): the message says which notebook to
     *     run
     */
    public TestSetEvaluation evaluate(
            String name,
            List<ReferenceGroup> test,
            Function<Seq2SeqModel, TestSetEvaluation> compute) {
        if (!isRecorded()) {
            TestSetEvaluation evaluation = compute.apply(run.trained().model());
            List<String> outputs =
                    evaluation.translations().stream()
                            .map(t -> String.join(" ", t.tokens()))
                            .toList();
            record =
                    record.withEvaluation(
                            name,
                            new ModelRecord.Evaluation(
                                    Origin.now(notebook),
                                    evaluation.bleu().toString(),
                                    evaluation.caseSensitiveBleu().toString(),
                                    evaluation.chrf().toString(),
                                    outputs));
            record.save(file);
            return evaluation;
        }
        ModelRecord.Evaluation recorded = record.evaluations().get(name);
        if (recorded == null) {
            throw new IllegalStateException(
                    "the record "
                            + file
                            + " has no evaluation '"
                            + name
                            + "' (it has "
                            + record.evaluations().keySet()
                            + "): run notebook "
                            + notebook
                            + " once with the model in build/models/");
        }
        if (recorded.outputs().size() != test.size()) {
            throw new IllegalStateException(
                    String.format(
                            "the record %s holds %d outputs for '%s', the test set has %d"
                                    + " sentences: it was made on another split",
                            file, recorded.outputs().size(), name, test.size()));
        }
        List<Translation> translations = new ArrayList<>(test.size());
        for (int i = 0; i < test.size(); i++) {
            String tokens = recorded.outputs().get(i);
            List<String> list = tokens.isEmpty() ? List.of() : Arrays.asList(tokens.split(" "));
            translations.add(Translator.recorded(data, test.get(i).source(), list));
        }
        TestSetEvaluation evaluation =
                TestSetEvaluation.score(translations, test, data.targetLanguage());
        if (!evaluation.caseSensitiveBleu().toString().equals(recorded.caseSensitiveBleu())
                || !evaluation.chrf().toString().equals(recorded.chrf())) {
            throw new IllegalStateException(
                    "the outputs recorded in "
                            + file
                            + " for '"
                            + name
                            + "' score "
                            + evaluation.caseSensitiveBleu()
                            + " here, but "
                            + recorded.caseSensitiveBleu()
                            + " when recorded: the test references differ");
        }
        return evaluation;
    }

    /**
     * Computes a number from the model, or reads it from the record. Live, it is recorded under
     * {@code name} with this run's origin.
     *
     * @param name the measure's name, e.g. {@code "test, teacher-forced accuracy"}
     * @param compute computes it from the model (not called when recorded)
     * @return the number
     * @throws IllegalStateException if recorded and the record has no such measure
     */
    public double measure(String name, ToDoubleFunction<Seq2SeqModel> compute) {
        if (!isRecorded()) {
            double value = compute.applyAsDouble(run.trained().model());
            record = record.withMeasure(name, new ModelRecord.Measure(Origin.now(notebook), value));
            record.save(file);
            return value;
        }
        ModelRecord.Measure recorded = record.measures().get(name);
        if (recorded == null) {
            throw new IllegalStateException(
                    "the record "
                            + file
                            + " has no measure '"
                            + name
                            + "': run notebook "
                            + notebook
                            + " once with the model in build/models/");
        }
        return recorded.value();
    }

    /**
     * Reads a number another notebook recorded with this model, live or not, such as the length
     * penalty notebook 05 tuned on validation.
     *
     * @param name the measure's name, e.g. {@code "validation, length penalty alpha for beam 4"}
     * @return the number
     * @throws IllegalStateException if the record has no such measure: the message names the
     *     notebooks to run
     */
    public double recordedMeasure(String name) {
        ModelRecord.Measure measure = record.measures().get(name);
        if (measure == null) {
            throw new IllegalStateException(
                    "the record "
                            + file
                            + " has no measure '"
                            + name
                            + "' yet (it has "
                            + record.measures().keySet()
                            + "): run the notebook that measures it first");
        }
        return measure.value();
    }

    /**
     * Looks up a number another notebook recorded with this model, for a notebook that can do
     * without it (and says what it uses instead).
     *
     * @param name the measure's name
     * @return the number, or empty when the record has none (e.g. the model was just retrained)
     */
    public OptionalDouble findMeasure(String name) {
        ModelRecord.Measure measure = record.measures().get(name);
        return measure == null ? OptionalDouble.empty() : OptionalDouble.of(measure.value());
    }

    /** The record of a model folder: {@code records/NAME.json}. */
    static Path fileFor(Path records, Path folder) {
        return records.resolve(name(folder) + ".json");
    }

    private static String name(Path folder) {
        return folder.toAbsolutePath().normalize().getFileName().toString();
    }

    private static long parameterCount(TrainingRun run) {
        return run.trained().model().getParameters().values().stream()
                .mapToLong(p -> p.getArray().size())
                .sum();
    }
}
