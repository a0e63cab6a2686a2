package dev.seq2seq.train;

import dev.seq2seq.data.DataFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The {@link EpochRecord}s of a training run, in epoch order, with CSV persistence so that a run
 * can be plotted, compared and resumed.
 *
 * <p>The CSV file has the header {@value #HEADER}, then one line per epoch. Numbers are written
 * with {@link Double#toString} (they read back exactly); NaN, a value not measured, is written as
 * an empty field (and {@code NaN} is also read as NaN). The {@code valid_perplexity} column, {@code
 * exp(valid_loss)}, is there for readers of the file and is ignored on load.
 *
 * <p>Mutable and not thread-safe.
 */
public final class TrainingHistory {

    /** The CSV header. */
    public static final String HEADER =
            "epoch,train_loss,valid_loss,train_accuracy,valid_accuracy,valid_perplexity,"
                    + "tokens_per_second,elapsed_seconds,learning_rate,valid_metric";

    /** The header of files written before the last column was named for any metric. */
    static final String HEADER_BEFORE_VALID_METRIC = HEADER.replace("valid_metric", "valid_bleu");

    private static final String[] COLUMNS = HEADER.split(",");

    private final List<EpochRecord> records = new ArrayList<>();

    /** Creates an empty history. */
    public TrainingHistory() {}

    /**
     * Appends an epoch.
     *
     * @param record the epoch's record
     * @throws IllegalArgumentException if its epoch number is not above {@link #lastEpoch()}
     */
    public void add(EpochRecord record) {
        if (record.epoch() <= lastEpoch()) {
            throw new IllegalArgumentException(
                    "epoch " + record.epoch() + " must come after epoch " + lastEpoch());
        }
        records.add(record);
    }

    /**
     * Returns the records in epoch order.
     *
     * @return an unmodifiable copy
     */
    public List<EpochRecord> records() {
        return List.copyOf(records);
    }

    /**
     * Returns the number of the last recorded epoch, e.g. to resume after it.
     *
     * @return the last epoch, 0 when the history is empty
     */
    public int lastEpoch() {
        return records.isEmpty() ? 0 : records.get(records.size() - 1).epoch();
    }

    /**
     * Returns the record that is smallest under a comparator; the earliest wins ties. Mind NaN:
     * {@link Comparator#comparingDouble} puts it after every number, so it would win a reversed
     * order; {@link #best(ToDoubleFunction, EarlyStopping.Mode)} skips it.
     *
     * @param order the order, best first
     * @return the best record, empty when the history is empty
     */
    public Optional<EpochRecord> best(Comparator<EpochRecord> order) {
        return records.isEmpty() ? Optional.empty() : Optional.of(Collections.min(records, order));
    }

    /**
     * Returns the record with the best value of a metric, ignoring epochs where it is NaN; the
     * earliest wins ties. E.g. {@code best(EpochRecord::validMetric, Mode.MAXIMIZE)}.
     *
     * @param metric the metric
     * @param mode whether smaller or larger is better
     * @return the best record, empty when no epoch has the metric
     */
    public Optional<EpochRecord> best(
            ToDoubleFunction<EpochRecord> metric, EarlyStopping.Mode mode) {
        Comparator<EpochRecord> order = Comparator.comparingDouble(metric);
        return records.stream()
                .filter(r -> !Double.isNaN(metric.applyAsDouble(r)))
                .min(mode == EarlyStopping.Mode.MINIMIZE ? order : order.reversed());
    }

    /**
     * Returns the record with the lowest validation loss, ignoring epochs without one.
     *
     * @return the best record, empty when no epoch has a validation loss
     */
    public Optional<EpochRecord> bestByValidLoss() {
        return best(EpochRecord::validLoss, EarlyStopping.Mode.MINIMIZE);
    }

    /**
     * Returns the history as CSV text, the {@code history.csv} of a run folder.
     *
     * @return the header and one line per epoch, each ending with a newline
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : records) {
            double[] values = {
                r.trainLoss(), r.validLoss(), r.trainAccuracy(), r.validAccuracy(),
                r.perplexity(), r.tokensPerSecond(), r.elapsedSeconds(), r.learningRate(),
                r.validMetric()
            };
            out.append(r.epoch());
            for (double v : values) {
                out.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Parses the CSV text of {@link #toCsv}, or of a file written before its last column was named
     * {@code valid_metric} ({@code valid_bleu}). Blank lines are skipped.
     *
     * @param source where the text came from, named in errors
     * @param csv the text
     * @return the history
     * @throws DataFileException naming {@code source:line} when the header or a line is malformed
     */
    public static TrainingHistory fromCsv(Path source, String csv) {
        TrainingHistory history = new TrainingHistory();
        String[] lines = csv.split("\n", -1);
        String header = lines[0].strip();
        if (!header.equals(HEADER) && !header.equals(HEADER_BEFORE_VALID_METRIC)) {
            throw new DataFileException(source, 1, "expected the header " + HEADER);
        }
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                history.addParsed(source, i + 1, lines[i].strip());
            }
        }
        return history;
    }

    private void addParsed(Path file, int lineNumber, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != COLUMNS.length) {
            throw new DataFileException(
                    file,
                    lineNumber,
                    "expected "
                            + COLUMNS.length
                            + " comma-separated fields, found "
                            + fields.length);
        }
        int epoch;
        try {
            epoch = Integer.parseInt(fields[0].strip());
        } catch (NumberFormatException e) {
            throw new DataFileException(
                    file, lineNumber, "epoch is not a whole number: '" + fields[0] + "'", e);
        }
        double[] v = new double[fields.length];
        for (int i = 1; i < fields.length; i++) {
            String text = fields[i].strip();
            try {
                v[i] = text.isEmpty() ? Double.NaN : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new DataFileException(
                        file, lineNumber, COLUMNS[i] + " is not a number: '" + text + "'", e);
            }
        }
        try {
            // v[5] is valid_perplexity, derived from valid_loss.
            add(new EpochRecord(epoch, v[1], v[2], v[3], v[4], v[6], v[7], v[8], v[9]));
        } catch (IllegalArgumentException e) {
            throw new DataFileException(file, lineNumber, e.getMessage(), e);
        }
    }
}
