package dev.seq2seq.store;

import dev.seq2seq.data.DataSettings;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.train.TrainingConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of a training run besides the architecture: how it trained and what data it saw.
 * Saved as {@code training.json} by {@link TrainingRunFolder}; a saved run is reused only if these,
 * its architecture and its corpus hash equal the requested ones.
 *
 * @param training the training settings
 * @param data how the corpus was sampled, split, tokenized and filtered (null in a {@code
 *     training.json} written before data settings were recorded)
 * @param trainPairs the number of training pairs after length filtering
 * @param validPairs the number of validation pairs after length filtering
 */
public record RunSettings(
        TrainingConfig training, DataSettings data, int trainPairs, int validPairs) {

    /**
     * Returns the settings of a run of {@code training} on {@code data}.
     *
     * @param training the training settings
     * @param data the prepared data
     * @return the settings
     */
    public static RunSettings of(TrainingConfig training, TranslationData data) {
        return new RunSettings(training, data.settings(), data.train().size(), data.valid().size());
    }

    /**
     * Says how these settings differ from others, for a message such as "retraining: ...".
     *
     * @param other the other settings
     * @return the differing parts, e.g. {@code "training: TrainingConfig[...] instead of ..."}, or
     *     an empty list if equal
     */
    public List<String> differences(RunSettings other) {
        List<String> parts = new ArrayList<>();
        if (!training.equals(other.training)) {
            parts.add("training: " + training + " instead of " + other.training);
        }
        if (other.data == null) {
            parts.add("data: " + data + " instead of settings not recorded (an older run)");
        } else if (!other.data.equals(data)) {
            parts.add("data: " + data + " instead of " + other.data);
        }
        if (trainPairs != other.trainPairs || validPairs != other.validPairs) {
            parts.add(
                    String.format(
                            "pairs: %d/%d instead of %d/%d",
                            trainPairs, validPairs, other.trainPairs, other.validPairs));
        }
        return parts;
    }
}
