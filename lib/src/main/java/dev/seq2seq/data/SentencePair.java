package dev.seq2seq.data;

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
        if (source.isBlank() || target.isBlank()) {
            throw new IllegalArgumentException(
                    "empty " + (source.isBlank() ? "source" : "target") + " at line " + line);
        }
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
    }
}
