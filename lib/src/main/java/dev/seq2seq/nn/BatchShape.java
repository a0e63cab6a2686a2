package dev.seq2seq.nn;

/**
 * The shape of one training batch as the model sees it: the padded sizes B, S and T, and how many
 * of the padded positions hold real tokens. {@link dev.seq2seq.perf.FlopCount} needs both: the
 * encoder runs each sentence only over its own length, everything else runs over the padded grid.
 *
 * @param batchSize B, the number of sentence pairs
 * @param sourceSteps S, the padded source length ({@code <eos>} included)
 * @param targetSteps T, the padded target length ({@code <bos>}/{@code <eos>} included)
 * @param sourceTokens the sum of the valid source lengths, in [B, B·S]
 * @param targetTokens the sum of the valid target lengths (the tokens the loss counts), in [B, B·T]
 */
public record BatchShape(
        int batchSize, int sourceSteps, int targetSteps, long sourceTokens, long targetTokens) {

    /**
     * Checks the sizes.
     *
     * @throws IllegalArgumentException if B, S or T is below 1, or a token count lies outside [B,
     *     B·S] or [B, B·T] (every sentence has between 1 and S or T valid steps)
     */
    public BatchShape {
        if (batchSize < 1 || sourceSteps < 1 || targetSteps < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            "need B, S, T >= 1, got B = %d, S = %d, T = %d",
                            batchSize, sourceSteps, targetSteps));
        }
        if (sourceTokens < batchSize || sourceTokens > (long) batchSize * sourceSteps) {
            throw new IllegalArgumentException(
                    String.format(
                            "sourceTokens = %d is outside [B, B·S] = [%d, %d]",
                            sourceTokens, batchSize, (long) batchSize * sourceSteps));
        }
        if (targetTokens < batchSize || targetTokens > (long) batchSize * targetSteps) {
            throw new IllegalArgumentException(
                    String.format(
                            "targetTokens = %d is outside [B, B·T] = [%d, %d]",
                            targetTokens, batchSize, (long) batchSize * targetSteps));
        }
    }

    /**
     * Returns the shape of a batch without padding: every sentence has S source and T target steps.
     *
     * @param batchSize B
     * @param sourceSteps S
     * @param targetSteps T
     * @return the shape with B·S source and B·T target tokens
     * @throws IllegalArgumentException if a size is below 1
     */
    public static BatchShape full(int batchSize, int sourceSteps, int targetSteps) {
        return new BatchShape(
                batchSize,
                sourceSteps,
                targetSteps,
                (long) batchSize * sourceSteps,
                (long) batchSize * targetSteps);
    }

    /**
     * Returns the shape of a batch padded to its longest sentences, as {@code Seq2SeqBatch} pads.
     *
     * @param sourceLengths the valid source lengths (B), each at least 1
     * @param targetLengths the valid target lengths (B), each at least 1
     * @return the shape, with S and T the longest lengths
     * @throws IllegalArgumentException if the arrays are empty, differ in length, or hold a length
     *     below 1
     */
    public static BatchShape of(long[] sourceLengths, long[] targetLengths) {
        if (sourceLengths.length == 0 || sourceLengths.length != targetLengths.length) {
            throw new IllegalArgumentException(
                    "need as many source as target lengths, at least one, got "
                            + sourceLengths.length
                            + " and "
                            + targetLengths.length);
        }
        long s = 0;
        long t = 0;
        long sourceTokens = 0;
        long targetTokens = 0;
        for (int row = 0; row < sourceLengths.length; row++) {
            if (sourceLengths[row] < 1 || targetLengths[row] < 1) {
                throw new IllegalArgumentException(
                        String.format(
                                "row %d: lengths must be at least 1, got source %d, target %d",
                                row, sourceLengths[row], targetLengths[row]));
            }
            s = Math.max(s, sourceLengths[row]);
            t = Math.max(t, targetLengths[row]);
            sourceTokens += sourceLengths[row];
            targetTokens += targetLengths[row];
        }
        return new BatchShape(sourceLengths.length, (int) s, (int) t, sourceTokens, targetTokens);
    }
}
