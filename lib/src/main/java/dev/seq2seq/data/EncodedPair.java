package dev.seq2seq.data;

/**
 * A sentence pair as token ids, without {@code <bos>}/{@code <eos>} (the batch adds them).
 *
 * @param source the source token ids
 * @param target the target token ids
 * @param index the pair's index in the list it was encoded from
 */
public record EncodedPair(int[] source, int[] target, int index) {

    /**
     * Returns the number of source tokens.
     *
     * @return the source length
     */
    public int sourceLength() {
        return source.length;
    }

    /**
     * Returns the number of target tokens.
     *
     * @return the target length
     */
    public int targetLength() {
        return target.length;
    }
}
