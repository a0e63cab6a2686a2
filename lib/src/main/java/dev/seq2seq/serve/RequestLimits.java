package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

/**
 * What one {@code POST /translate} may ask for; more is refused with status 400.
 *
 * @param maxChars the longest text, in characters (UTF-16 units)
 * @param maxTexts the most texts in one request
 * @param maxBeam the largest beam size
 */
public record RequestLimits(int maxChars, int maxTexts, int maxBeam) {

    /** The default longest text, in characters. */
    public static final int DEFAULT_MAX_CHARS = 1000;

    /** The default most texts per request. */
    public static final int DEFAULT_MAX_TEXTS = 64;

    /** The default largest beam. */
    public static final int DEFAULT_MAX_BEAM = 16;

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException naming a limit below 1
     */
    public RequestLimits {
        Preconditions.checkArgument(
                maxChars >= 1 && maxTexts >= 1 && maxBeam >= 1,
                String.format(
                        "limits must be >= 1, got max chars %d, max texts %d, max beam %d",
                        maxChars, maxTexts, maxBeam));
    }

    /**
     * Returns the defaults.
     *
     * @return {@value #DEFAULT_MAX_CHARS} characters, {@value #DEFAULT_MAX_TEXTS} texts, beam
     *     {@value #DEFAULT_MAX_BEAM}
     */
    public static RequestLimits defaults() {
        return new RequestLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_TEXTS, DEFAULT_MAX_BEAM);
    }
}
