package dev.seq2seq.store;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.Preconditions;

import dev.seq2seq.data.BpeCodes;
import dev.seq2seq.data.BpeEncoder;
import dev.seq2seq.data.DataFileException;
import dev.seq2seq.data.SubwordCodes;
import dev.seq2seq.data.Truecaser;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.Seq2SeqConfig;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a trained model as a folder of plain files:
 *
 * <ul>
 *   <li>{@code model.params}: the parameters in DJL's format ({@code Block.saveParameters});
 *   <li>{@code config.json}: the {@link Seq2SeqConfig};
 *   <li>{@code source.vocab}, {@code target.vocab}: the vocabularies ({@link Vocabulary#save});
 *   <li>{@code provenance.json}: data hash, languages, seed, versions and date ({@link
 *       Provenance}).
 * </ul>
 *
 * <p>Loading checks that every file is there and that they agree (vocabulary sizes against the
 * configuration, parameter shapes against the architecture), and says which file is wrong.
 */
public final class Checkpoint {

    /** The parameter file. */
    public static final String PARAMETERS = "model.params";

    /** The configuration file. */
    public static final String CONFIG = "config.json";

    /** The source vocabulary file. */
    public static final String SOURCE_VOCABULARY = "source.vocab";

    /** The target vocabulary file. */
    public static final String TARGET_VOCABULARY = "target.vocab";

    /** The provenance file. */
    public static final String PROVENANCE = "provenance.json";

    /** The source byte-pair encoding merges of a subword model (subword-nmt's format). */
    public static final String SOURCE_CODES = "source.codes";

    /** The target byte-pair encoding merges of a subword model; equal to the source's if joint. */
    public static final String TARGET_CODES = "target.codes";

    /** The target truecaser (optional; a model saved without one writes lower-case text). */
    public static final String TRUECASER = "target.truecase";

    /**
     * The files of every checkpoint, in the order above; a subword model adds {@link #SOURCE_CODES}
     * and {@link #TARGET_CODES}, a model trained with a truecaser {@link #TRUECASER}.
     */
    static final List<String> FILES =
            List.of(PARAMETERS, CONFIG, SOURCE_VOCABULARY, TARGET_VOCABULARY, PROVENANCE);

    private Checkpoint() {}

    /**
     * Writes a checkpoint atomically (see {@link AtomicFolder}): the files go to a temporary folder
     * beside {@code folder}, which then replaces it, so an interrupted save leaves the previous
     * checkpoint or the new one, never a mixture. Other files in an existing folder are not kept.
     *
     * @param folder the checkpoint folder
     * @param trained the model, vocabularies and provenance
     * @throws UncheckedIOException naming the folder if a file cannot be written (the previous
     *     checkpoint is then left as it was)
     */
    public static void save(Path folder, TrainedModel trained) {
        AtomicFolder.replace(folder, (tmp, hook) -> writeFiles(tmp, trained, hook));
    }

    /**
     * Writes the checkpoint files into an existing folder, in place; {@link #save} and {@link
     * TrainingRunFolder#save} call it on their temporary folder.
     */
    static void writeFiles(Path folder, TrainedModel trained, AtomicFolder.Hook hook)
            throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(
                        new BufferedOutputStream(
                                Files.newOutputStream(folder.resolve(PARAMETERS))))) {
            trained.model().saveParameters(out);
        }
        Files.writeString(folder.resolve(CONFIG), ConfigJson.toJson(trained.model().config()));
        hook.reached(AtomicFolder.Stage.PARTLY_WRITTEN);
        Files.writeString(folder.resolve(PROVENANCE), trained.provenance().toJson());
        try {
            trained.sourceVocabulary().save(folder.resolve(SOURCE_VOCABULARY));
            trained.targetVocabulary().save(folder.resolve(TARGET_VOCABULARY));
            if (trained.subwords() != null) {
                trained.subwords().source().save(folder.resolve(SOURCE_CODES));
                trained.subwords().target().save(folder.resolve(TARGET_CODES));
            }
            if (trained.truecaser() != null) {
                trained.truecaser().save(folder.resolve(TRUECASER));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Returns the size of a model's parameter file, {@code model.params}, in bytes.
     *
     * @param model an initialised model
     * @return the number of bytes {@code saveParameters} writes
     */
    public static long parameterBytes(Seq2SeqModel model) {
        CountingStream counter = new CountingStream();
        try (DataOutputStream out = new DataOutputStream(counter)) {
            model.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    /** An output stream that only counts its bytes. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /**
     * Loads a checkpoint.
     *
     * @param folder the checkpoint folder
     * @param manager the manager that will own the parameters
     * @return the initialised model with its vocabularies and provenance
     * @throws CheckpointException if the folder or a file is missing, malformed or does not match
     *     the others
     */
    public static TrainedModel load(Path folder, NDManager manager) {
        AtomicFolder.recoverForLoading(folder);
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException(folder, "no such folder", null);
        }
        List<String> missing = new ArrayList<>();
        for (String file : FILES) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new CheckpointException(
                    folder,
                    "missing " + String.join(", ", missing) + " (a checkpoint has " + FILES + ")",
                    null);
        }
        Seq2SeqConfig config;
        Provenance provenance;
        Vocabulary source;
        Vocabulary target;
        SubwordCodes subwords;
        Truecaser truecaser;
        try {
            config = ConfigJson.fromJson(read(folder.resolve(CONFIG)));
            provenance = Provenance.fromJson(read(folder.resolve(PROVENANCE)));
            source = Vocabulary.load(folder.resolve(SOURCE_VOCABULARY));
            target = Vocabulary.load(folder.resolve(TARGET_VOCABULARY));
            subwords = loadSubwords(folder, source, target);
            truecaser =
                    Files.isRegularFile(folder.resolve(TRUECASER))
                            ? Truecaser.load(folder.resolve(TRUECASER), provenance.targetLanguage())
                            : null;
        } catch (IllegalArgumentException | DataFileException e) {
            throw new CheckpointException(folder, e.getMessage(), e);
        }
        requireSize(
                folder,
                SOURCE_VOCABULARY,
                source.size(),
                "sourceVocabularySize",
                config.sourceVocabularySize());
        requireSize(
                folder,
                TARGET_VOCABULARY,
                target.size(),
                "targetVocabularySize",
                config.targetVocabularySize());
        Seq2SeqModel model = Seq2SeqModel.create(config);
        model.initialize(manager);
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        }
        long expectedBytes = parameterBytes(model);
        Path parameters = folder.resolve(PARAMETERS);
        long actualBytes = size(folder, parameters);
        if (actualBytes < expectedBytes) {
            throw new CheckpointException(
                    folder,
                    String.format(
                            "%s is truncated (or of a larger architecture): %,d bytes, the"
                                    + " architecture in %s needs %,d",
                            PARAMETERS, actualBytes, CONFIG, expectedBytes),
                    null);
        }
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(parameters)))) {
            model.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new MalformedModelException(
                        String.format(
                                "%,d bytes where the architecture needs %,d",
                                actualBytes, expectedBytes));
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            String found = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CheckpointException(
                    folder,
                    PARAMETERS + " does not match the architecture in " + CONFIG + ": " + found,
                    e);
        }
        for (Pair<String, Parameter> p : model.getParameters()) {
            Shape actual = p.getValue().getArray().getShape();
            if (!actual.equals(expected.get(p.getKey()))) {
                throw new CheckpointException(
                        folder,
                        PARAMETERS
                                + " does not match the architecture in "
                                + CONFIG
                                + ": parameter "
                                + p.getKey()
                                + " has shape "
                                + actual
                                + ", the architecture needs "
                                + expected.get(p.getKey()),
                        null);
            }
        }
        return new TrainedModel(model, source, target, provenance, subwords, truecaser);
    }

    /**
     * Loads the byte-pair encoding merges of a subword model and checks them against the
     * vocabularies; a word model has neither codes file nor subword units.
     *
     * @return the merges, or null for a word model
     * @throws IllegalArgumentException if only one codes file is there, if subword units have no
     *     codes, or if the codes cannot produce a vocabulary unit
     * @throws DataFileException if a codes file is malformed
     */
    private static SubwordCodes loadSubwords(Path folder, Vocabulary source, Vocabulary target) {
        boolean hasSource = Files.isRegularFile(folder.resolve(SOURCE_CODES));
        boolean hasTarget = Files.isRegularFile(folder.resolve(TARGET_CODES));
        Preconditions.checkArgument(
                hasSource == hasTarget,
                "missing "
                        + (hasSource ? TARGET_CODES : SOURCE_CODES)
                        + " (a subword model has both "
                        + SOURCE_CODES
                        + " and "
                        + TARGET_CODES
                        + ")");
        if (!hasSource) {
            for (Vocabulary vocabulary : List.of(source, target)) {
                for (int id = 0; id < vocabulary.size(); id++) {
                    Preconditions.checkArgument(
                            !vocabulary.token(id).endsWith(BpeEncoder.CONTINUATION),
                            String.format(
                                    "missing %s and %s: the vocabularies hold subword units"
                                            + " (e.g. '%s')",
                                    SOURCE_CODES, TARGET_CODES, vocabulary.token(id)));
                }
            }
            return null;
        }
        SubwordCodes subwords =
                new SubwordCodes(
                        BpeCodes.load(folder.resolve(SOURCE_CODES)),
                        BpeCodes.load(folder.resolve(TARGET_CODES)));
        subwords.checkVocabularies(source, target);
        return subwords;
    }

    private static void requireSize(
            Path folder, String file, int actual, String field, int expected) {
        if (actual != expected) {
            throw new CheckpointException(
                    folder,
                    file
                            + " has "
                            + actual
                            + " tokens but "
                            + CONFIG
                            + " says "
                            + field
                            + " "
                            + expected,
                    null);
        }
    }

    private static long size(Path folder, Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CheckpointException(
                    folder, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) throws IllegalArgumentException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
