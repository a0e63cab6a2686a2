package dev.seq2seq.data;

import ai.djl.util.Preconditions;

import java.util.Objects;

/**
 * One source sentence and one of its translations, with the line it came from.
 *
 * @param source the source sentence (English in the bundled corpus), never blank
 * @param target the target sentence (French in the bundled corpus), never blank
 * @param line the 1-based line number in the file it was read from, or the 1-based index for
 *     generated data
 */
public record SentencePair(String source, String target, int line) {

    /**
     * Creates a pair.
     *
     * @throws NullPointerException if a side is null
     * @throws IllegalArgumentException if a side is blank or the line is not positive
     */
    public SentencePair {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Preconditions.checkArgument(
                !source.isBlank() && !target.isBlank(),
                "empty " + (source.isBlank() ? "source" : "target") + " at line " + line);
        Preconditions.checkArgument(line >= 1, "line numbers start at 1, got " + line);
    }
}
