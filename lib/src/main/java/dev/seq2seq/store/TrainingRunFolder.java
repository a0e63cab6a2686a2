package dev.seq2seq.store;

import ai.djl.ndarray.NDManager;
import ai.djl.util.Preconditions;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import dev.seq2seq.data.DataFileException;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.EpochRecord;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saves and loads a {@link TrainingRun} as one folder, for the command line ({@code train}, {@code
 * evaluate}) and the notebooks' cache ({@link TrainedModels#loadOrTrain}) alike:
 *
 * <ul>
 *   <li>the {@link Checkpoint} files ({@code model.params}, {@code config.json}, the vocabularies,
 *       {@code provenance.json} with the corpus hash and seed);
 *   <li>{@code history.csv}: the {@link TrainingHistory};
 *   <li>{@code training.json}: the {@link RunSettings}, i.e. the full {@link TrainingConfig} and
 *       the data settings.
 * </ul>
 *
 * <p>The command line also draws {@code history.csv} as {@link #LOSS_CHART} ({@code viz} draws
 * charts, and {@code train} does not depend on it). A folder written by either is reused by the
 * other when the settings match.
 */
public final class TrainingRunFolder {

    /** The history file. */
    public static final String HISTORY = "history.csv";

    /** The settings file. */
    public static final String SETTINGS = "training.json";

    /** The loss curves drawn from the history by the command line. */
    public static final String LOSS_CHART = "loss.png";

    private static final Gson GSON = Json.GSON;

    private TrainingRunFolder() {}

    /**
     * Writes a run atomically (see {@link AtomicFolder}): every file goes to a temporary folder
     * beside {@code folder}, forced to disk, which then replaces {@code folder} by renames. A
     * process killed at any moment leaves the previous complete run or the new complete one; {@link
     * #load} repairs what an interrupted save left behind.
     *
     * @param folder the folder
     * @param run the run
     * @throws UncheckedIOException naming the folder if a file cannot be written (a full disk, no
     *     permission); the previous run in {@code folder} is then left as it was
     */
    public static void save(Path folder, TrainingRun run) {
        AtomicFolder.replace(
                folder,
                (tmp, hook) -> {
                    Checkpoint.writeFiles(tmp, run.trained(), hook);
                    Files.writeString(
                            tmp.resolve(HISTORY), run.history().toCsv(), StandardCharsets.UTF_8);
                    Files.writeString(
                            tmp.resolve(SETTINGS),
                            GSON.toJson(run.settings()),
                            StandardCharsets.UTF_8);
                });
    }

    /**
     * Checks, before training, that a run of this architecture can be saved to {@code folder}: it
     * is not a file, its parent can be created and written, and its disk has at least twice the
     * parameter file's size free.
     *
     * @param folder the folder {@link #save} will write
     * @param config the architecture, which gives the parameter file's size
     * @throws IllegalArgumentException with a one-line message naming the folder and the problem
     */
    public static void checkWritable(Path folder, Seq2SeqConfig config) {
        long bytes;
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModel.create(config);
            model.initialize(manager);
            bytes = Checkpoint.parameterBytes(model);
        }
        AtomicFolder.checkWritable(folder, bytes);
    }

    /**
     * Reads the settings of a saved run, e.g. to know the length limit its data was filtered with.
     *
     * @param folder the folder
     * @return the settings, or empty if the folder has no {@value #SETTINGS} (a bare checkpoint)
     * @throws CheckpointException naming the file if it is malformed
     */
    public static Optional<RunSettings> settings(Path folder) {
        return Files.isRegularFile(folder.resolve(SETTINGS))
                ? Optional.of(readSettings(folder))
                : Optional.empty();
    }

    /**
     * Loads a run written by {@link #save}.
     *
     * @param folder the folder
     * @param manager the manager that will own the parameters
     * @return the run, with {@code loaded} true and the minutes of its epochs
     * @throws CheckpointException naming the folder and the file if a file is missing, truncated or
     *     malformed, or if the files do not agree
     */
    public static TrainingRun load(Path folder, NDManager manager) {
        AtomicFolder.recoverForLoading(folder);
        requireFiles(folder);
        RunSettings settings = readSettings(folder);
        TrainingHistory history = readHistory(folder);
        TrainedModel trained = Checkpoint.load(folder, manager);
        double minutes = minutes(history);
        return new TrainingRun(trained, history, settings, true, minutes);
    }

    /**
     * Returns a run's training time: the summed wall-clock seconds of its epochs, training and
     * validation, in minutes.
     *
     * @param history the run's epochs
     * @return the minutes
     */
    public static double minutes(TrainingHistory history) {
        return history.records().stream().mapToDouble(EpochRecord::elapsedSeconds).sum() / 60;
    }

    /**
     * Says why the run in {@code folder} cannot stand for a run with the given architecture,
     * settings and corpus: there is none, or it was trained differently.
     *
     * @param folder the folder
     * @param config the architecture
     * @param settings the training and data settings
     * @param dataSha256 the corpus hash
     * @return the reason to train, or empty if the saved run can be loaded
     * @throws CheckpointException naming the folder and the file if the folder holds a run whose
     *     files are missing, truncated or malformed
     */
    public static Optional<String> whyNotReusable(
            Path folder, Seq2SeqConfig config, RunSettings settings, String dataSha256) {
        AtomicFolder.recoverForLoading(folder);
        if (!Files.exists(folder.resolve(SETTINGS))
                && !Files.exists(folder.resolve(Checkpoint.PARAMETERS))) {
            return Optional.of("no training run in " + folder);
        }
        if (!Files.exists(folder.resolve(SETTINGS))) {
            return Optional.of(folder + " has no " + SETTINGS + ", so its settings are unknown");
        }
        requireFiles(folder);
        Seq2SeqConfig saved = parse(folder, Checkpoint.CONFIG, ConfigJson::fromJson);
        Provenance provenance = parse(folder, Checkpoint.PROVENANCE, Provenance::fromJson);
        List<String> differences =
                differences(
                        config,
                        settings,
                        dataSha256,
                        saved,
                        readSettings(folder),
                        provenance.dataSha256());
        return differences.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        folder
                                + " was trained with other settings; now "
                                + String.join("; ", differences));
    }

    /**
     * Says how a requested run differs from a saved one: architecture, training and data settings,
     * corpus hash. A saved run, or a record of one, stands for the requested run only if there is
     * no difference.
     *
     * @param config the requested architecture
     * @param settings the requested training and data settings
     * @param dataSha256 the requested corpus's hash
     * @param savedConfig the saved run's architecture
     * @param savedSettings the saved run's settings
     * @param savedSha256 the saved run's corpus hash
     * @return one entry per differing part, empty if none
     */
    public static List<String> differences(
            Seq2SeqConfig config,
            RunSettings settings,
            String dataSha256,
            Seq2SeqConfig savedConfig,
            RunSettings savedSettings,
            String savedSha256) {
        List<String> differences = new ArrayList<>();
        if (!savedConfig.equals(config)) {
            differences.add("architecture: " + config + " instead of " + savedConfig);
        }
        differences.addAll(settings.differences(savedSettings));
        if (!dataSha256.equals(savedSha256)) {
            differences.add("corpus: SHA-256 " + dataSha256 + " instead of " + savedSha256);
        }
        return differences;
    }

    private static void requireFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException(folder, "no such folder", null);
        }
        List<String> files = new ArrayList<>(Checkpoint.FILES);
        files.addAll(List.of(HISTORY, SETTINGS));
        List<String> missing = new ArrayList<>();
        for (String file : files) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new CheckpointException(folder, "missing " + String.join(", ", missing), null);
        }
    }

    private static RunSettings readSettings(Path folder) {
        return parse(
                folder,
                SETTINGS,
                json -> {
                    RunSettings settings;
                    try {
                        settings = GSON.fromJson(json, RunSettings.class);
                    } catch (JsonParseException e) {
                        throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
                    }
                    Preconditions.checkArgument(
                            settings != null && settings.training() != null,
                            "lacks the training settings");
                    return settings;
                });
    }

    private static TrainingHistory readHistory(Path folder) {
        try {
            Path file = folder.resolve(HISTORY);
            return TrainingHistory.fromCsv(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CheckpointException(
                    folder, "cannot read " + HISTORY + ": " + e.getMessage(), e);
        } catch (DataFileException e) {
            throw new CheckpointException(folder, e.getMessage(), e);
        }
    }

    /** A JSON reader that throws {@link IllegalArgumentException} on malformed input. */
    private interface Parser<T> {
        T parse(String json);
    }

    private static <T> T parse(Path folder, String file, Parser<T> parser) {
        try {
            return parser.parse(Files.readString(folder.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CheckpointException(folder, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(folder, file + ": " + e.getMessage(), e);
        }
    }
}
