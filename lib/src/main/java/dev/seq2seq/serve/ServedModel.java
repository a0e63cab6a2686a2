package dev.seq2seq.serve;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.eval.EvaluationSummary;
import dev.seq2seq.store.Checkpoint;
import dev.seq2seq.store.CheckpointException;
import dev.seq2seq.store.Provenance;
import dev.seq2seq.store.TrainedModel;
import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.store.TrainingRunFolder;
import dev.seq2seq.train.EarlyStopping;
import dev.seq2seq.train.EpochRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model to serve, with what {@code GET /health} says about it: its name, its provenance and, when
 * the folder holds a whole training run ({@link TrainingRunFolder}), its history and data settings.
 *
 * @param name the model's name (its folder's name)
 * @param trained the model, vocabularies and provenance
 * @param provenance the summary for {@code /health}: data file and SHA-256, training date, seed,
 *     languages, versions, training summary, and when recorded the epochs, best validation loss and
 *     BLEU, the training length limit, and the test scores of {@code evaluate} ({@link
 *     EvaluationSummary}) when they were computed on the model's own corpus
 * @param maxSourceLength the length limit of the training data (no source sentence kept for
 *     training was longer), in tokens, when the run's data settings recorded it
 */
public record ServedModel(
        String name,
        TrainedModel trained,
        Map<String, Object> provenance,
        OptionalInt maxSourceLength) {

    /**
     * Loads a model folder written by {@code train} (a whole run) or by {@link Checkpoint#save}
     * (the checkpoint alone).
     *
     * @param folder the folder
     * @param manager the manager that will own the parameters (close it after the server)
     * @return the model
     * @throws CheckpointException naming the folder and the file if a file is missing, truncated or
     *     malformed
     */
    public static ServedModel load(Path folder, NDManager manager) {
        String name = String.valueOf(folder.toAbsolutePath().normalize().getFileName());
        boolean wholeRun =
                Files.isRegularFile(folder.resolve(TrainingRunFolder.SETTINGS))
                        && Files.isRegularFile(folder.resolve(TrainingRunFolder.HISTORY));
        ServedModel served =
                wholeRun
                        ? of(name, TrainingRunFolder.load(folder, manager))
                        : of(name, Checkpoint.load(folder, manager));
        return served.withTestScores(EvaluationSummary.load(folder, "test"));
    }

    /**
     * Adds a test evaluation's scores to the provenance, when it was computed on the corpus this
     * model was trained on (another corpus's "test split" says nothing about this model).
     */
    private ServedModel withTestScores(Optional<EvaluationSummary> test) {
        if (test.isEmpty() || !test.get().dataSha256().equals(trained.provenance().dataSha256())) {
            return this;
        }
        Map<String, Object> summary = new LinkedHashMap<>(provenance);
        if (test.get().hasCaseSensitiveBleu()) {
            summary.put("testBleu", test.get().caseSensitiveBleu());
        }
        summary.put("testBleuCaseInsensitive", test.get().bleu());
        summary.put("testChrf", test.get().chrf());
        summary.put("testSearch", test.get().search());
        summary.put("testSentences", test.get().sentences());
        return new ServedModel(
                name, trained, Collections.unmodifiableMap(summary), maxSourceLength);
    }

    /**
     * Wraps a run in memory (e.g. one a notebook just trained).
     *
     * @param name the name to show
     * @param run the run
     * @return the model
     */
    public static ServedModel of(String name, TrainingRun run) {
        OptionalInt longest =
                run.settings() != null && run.settings().data() != null
                        ? OptionalInt.of(run.settings().data().maxSourceLength())
                        : OptionalInt.empty();
        Map<String, Object> summary = summary(run.trained().provenance(), run);
        longest.ifPresent(n -> summary.put("maxSourceLength", n));
        return new ServedModel(name, run.trained(), Collections.unmodifiableMap(summary), longest);
    }

    /**
     * Wraps a trained model without a history.
     *
     * @param name the name to show
     * @param trained the model
     * @return the model, with its provenance only
     */
    public static ServedModel of(String name, TrainedModel trained) {
        return new ServedModel(
                name,
                trained,
                Collections.unmodifiableMap(summary(trained.provenance(), null)),
                OptionalInt.empty());
    }

    private static Map<String, Object> summary(Provenance p, TrainingRun run) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataFile", p.dataFile());
        s.put("dataSha256", p.dataSha256());
        s.put("trained", p.created());
        s.put("seed", p.seed());
        s.put("sourceLanguage", p.sourceLanguage().name());
        s.put("targetLanguage", p.targetLanguage().name());
        s.put("trainingSummary", p.trainingSummary());
        s.put("djlVersion", p.djlVersion());
        s.put("engine", p.engine());
        s.put("javaVersion", p.javaVersion());
        if (run != null && !run.history().records().isEmpty()) {
            s.put("epochs", run.history().lastEpoch());
            run.history()
                    .bestByValidLoss()
                    .ifPresent(best -> s.put("bestValidLoss", best.validLoss()));
            run.history()
                    .best(EpochRecord::validMetric, EarlyStopping.Mode.MAXIMIZE)
                    .ifPresent(best -> s.put("validBleu", best.validMetric()));
        }
        s.values().removeIf(v -> v == null || v instanceof Double d && !Double.isFinite(d));
        return s;
    }
}
