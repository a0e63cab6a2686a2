package dev.seq2seq.data;

/**
 * What encoding a corpus kept and what it skipped on purpose, so that nothing is dropped silently.
 * Lengths count words (the tokens of a word model; the {@link #toString} calls them tokens).
 *
 * @param read the pairs read
 * @param kept the pairs kept
 * @param sourceTooLong the pairs skipped because the source had more words than the maximum
 * @param targetTooLong the pairs skipped because the target had more words than the maximum (and
 *     the source did not)
 * @param maxSourceLength the source maximum, in words
 * @param maxTargetLength the target maximum, in words
 */
public record LengthFilterReport(
        int read,
        int kept,
        int sourceTooLong,
        int targetTooLong,
        int maxSourceLength,
        int maxTargetLength) {

    /**
     * Returns the number of pairs skipped.
     *
     * @return {@code read - kept}
     */
    public int skipped() {
        return read - kept;
    }

    @Override
    public String toString() {
        return String.format(
                "kept %,d of %,d pairs; skipped %,d with source > %d tokens and %,d with target > %d tokens",
                kept, read, sourceTooLong, maxSourceLength, targetTooLong, maxTargetLength);
    }
}
