package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import dev.seq2seq.store.AtomicFile;
import dev.seq2seq.store.CheckpointException;
import dev.seq2seq.store.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scores a saved model got on one split, kept in the model's folder as {@code
 * evaluation-<split>.json} so that whoever loads the model later (the server's provenance, a
 * notebook) can say what it scored without translating the split again.
 *
 * <p>A summary belongs to the model it was computed with: {@code train} and the notebooks' cache
 * replace the whole folder when they save a new model (see {@code TrainingRunFolder.save}), which
 * drops the old summary with the old model. {@link #dataSha256} records the corpus the split was
 * cut from; a reader compares it with the model's provenance before trusting the numbers.
 *
 * @param split the split's name, e.g. {@code test}
 * @param search the search that produced the translations, e.g. {@code greedy} or {@code beam 4,
 *     alpha 0.6, coverage 0.0}
 * @param sentences the number of source sentences translated
 * @param references the number of references over all sentences
 * @param bleu case-insensitive corpus BLEU (0-100)
 * @param bleuSignature sacreBLEU's signature of that BLEU
 * @param chrf case-insensitive corpus chrF (0-100)
 * @param chrfSignature sacreBLEU's signature of that chrF
 * @param dataSha256 the SHA-256 of the corpus the split was cut from
 * @param created when the evaluation was run, ISO-8601 UTC
 * @param caseSensitiveBleu case-sensitive corpus BLEU (0-100); 0 in summaries written before it was
 *     recorded
 * @param caseSensitiveBleuSignature sacreBLEU's signature of that BLEU, null in older summaries
 */
public record EvaluationSummary(
        String split,
        String search,
        int sentences,
        int references,
        double bleu,
        String bleuSignature,
        double chrf,
        String chrfSignature,
        String dataSha256,
        String created,
        double caseSensitiveBleu,
        String caseSensitiveBleuSignature) {

    private static final Gson GSON = Json.GSON;

    /**
     * Summarises an evaluation, dated now.
     *
     * @param evaluation the translations and scores
     * @param split the split's name, e.g. {@code test}
     * @param search the search that produced the translations
     * @param dataSha256 the SHA-256 of the corpus the split was cut from
     * @return the summary
     * @throws IllegalArgumentException if the split's name is not a plain lower-case word
     */
    public static EvaluationSummary of(
            TestSetEvaluation evaluation, String split, String search, String dataSha256) {
        checkSplit(split);
        return new EvaluationSummary(
                split,
                search,
                evaluation.translations().size(),
                evaluation.references().stream().mapToInt(List::size).sum(),
                evaluation.bleu().score(),
                evaluation.bleu().signature(),
                evaluation.chrf().score(),
                evaluation.chrf().signature(),
                dataSha256,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
                evaluation.caseSensitiveBleu().score(),
                evaluation.caseSensitiveBleu().signature());
    }

    /**
     * The file a split's summary is kept in.
     *
     * @param folder the model's folder
     * @param split the split's name
     * @return {@code folder/evaluation-<split>.json}
     * @throws IllegalArgumentException if the split's name is not a plain lower-case word
     */
    public static Path file(Path folder, String split) {
        checkSplit(split);
        return folder.resolve("evaluation-" + split + ".json");
    }

    /**
     * Writes this summary into a model's folder, replacing an earlier one of the same split
     * atomically ({@link AtomicFile}), so a reader sees the old summary or the new one, never half
     * of one.
     *
     * @param folder the model's folder (created if missing)
     * @return the file written
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public Path save(Path folder) {
        Path target = file(folder, split);
        AtomicFile.writeString(target, GSON.toJson(this));
        return target;
    }

    /**
     * Reads the summary of a split from a model's folder.
     *
     * @param folder the model's folder
     * @param split the split's name, e.g. {@code test}
     * @return the summary, or empty if the folder has none for this split
     * @throws CheckpointException naming the file if it cannot be read or is not a summary
     */
    public static Optional<EvaluationSummary> load(Path folder, String split) {
        Path file = file(folder, split);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        EvaluationSummary s;
        try {
            s =
                    GSON.fromJson(
                            Files.readString(file, StandardCharsets.UTF_8),
                            EvaluationSummary.class);
        } catch (IOException | JsonParseException e) {
            throw new CheckpointException(
                    folder, file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
        if (s == null || !split.equals(s.split()) || s.dataSha256() == null || s.search() == null) {
            throw new CheckpointException(
                    folder,
                    file.getFileName() + " is not an evaluation summary of the " + split + " split",
                    null);
        }
        return Optional.of(s);
    }

    private static void checkSplit(String split) {
        Preconditions.checkArgument(
                split != null && split.matches("[a-z]+"),
                "split: expected a lower-case word such as test, got " + split);
    }

    /**
     * Returns whether the summary records case-sensitive BLEU (summaries written before it was
     * recorded do not).
     *
     * @return true if {@link #caseSensitiveBleu} holds a score
     */
    public boolean hasCaseSensitiveBleu() {
        return caseSensitiveBleuSignature != null;
    }

    /**
     * Returns the summary as one line, case-sensitive BLEU first and the case-insensitive score
     * beside it, e.g. {@code test split, greedy search, 2,410 sentences: BLEU 43.98
     * (case-insensitive 44.15), chrF 63.11 (2026-11-28T20:28:44Z)}.
     *
     * @return the line
     */
    @Override
    public String toString() {
        String scores =
                hasCaseSensitiveBleu()
                        ? String.format(
                                Locale.ROOT,
                                "BLEU %.2f (case-insensitive %.2f)",
                                caseSensitiveBleu,
                                bleu)
                        : String.format(Locale.ROOT, "case-insensitive BLEU %.2f", bleu);
        return String.format(
                Locale.ROOT,
                "%s split, %s search, %,d sentences: %s, chrF %.2f (%s)",
                split,
                search,
                sentences,
                scores,
                chrf,
                created);
    }
}
