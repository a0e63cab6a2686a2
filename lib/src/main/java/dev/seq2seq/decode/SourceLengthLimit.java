package dev.seq2seq.decode;

import ai.djl.util.Preconditions;

import dev.seq2seq.data.BpeEncoder;
import dev.seq2seq.data.DataSettings;

import java.util.Optional;

/**
 * The one rule for "longer than anything seen in training": a source with more tokens than the
 * training length limit ({@link DataSettings#maxSourceLength()}, the length filter the model was
 * trained under) is beyond the lengths the model learned, and its translation is often cut short or
 * wrong (a 560-word line may come back as 7 words). Callers warn rather than refuse: {@code
 * translate} on standard error, a server in its answer.
 *
 * @param maxSourceLength the length limit the training data was filtered with (no training source
 *     was longer), in tokens ({@code <eos>} not counted)
 */
public record SourceLengthLimit(int maxSourceLength) {

    /**
     * The limit of a model whose data settings are unknown (a bare checkpoint): the library's
     * default length filter, {@code DataSettings.defaults().maxSourceLength()}.
     */
    public static final SourceLengthLimit DEFAULT = of(DataSettings.defaults());

    /**
     * Checks the value.
     *
     * @throws IllegalArgumentException if it is below 1
     */
    public SourceLengthLimit {
        Preconditions.checkArgument(
                maxSourceLength >= 1,
                "the training length limit must be >= 1 token, got " + maxSourceLength);
    }

    /**
     * Returns the limit of a model trained on data prepared with these settings.
     *
     * @param settings the run's data settings (from its {@code training.json})
     * @return the limit
     */
    public static SourceLengthLimit of(DataSettings settings) {
        return new SourceLengthLimit(settings.maxSourceLength());
    }

    /**
     * Returns whether a source is longer than anything seen in training.
     *
     * @param sourceTokens the source's tokens, {@code <eos>} not counted
     * @return true if it has more than {@link #maxSourceLength()} tokens
     */
    public boolean isExceededBy(int sourceTokens) {
        return sourceTokens > maxSourceLength;
    }

    /**
     * Returns a warning for a translation whose source is too long.
     *
     * @param translation a translation (its source tokens end with {@code <eos>}); subword units
     *     are counted as the words they make up, as the length filter counts them
     * @return e.g. {@code 560 source tokens, more than the training length limit (16): the
     *     translation may be cut short or wrong}, or empty if the source is not too long
     */
    public Optional<String> warning(Translation translation) {
        int tokens = BpeEncoder.wordCount(translation.sourceTokens()) - 1;
        if (!isExceededBy(tokens)) {
            return Optional.empty();
        }
        return Optional.of(
                String.format(
                        "%d source tokens, more than the training length limit (%d): the"
                                + " translation may be cut short or wrong",
                        tokens, maxSourceLength));
    }
}
