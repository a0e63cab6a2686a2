package dev.seq2seq.attention;

import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of {@link AttentionScore}, so that a configuration can name one by string; {@link
 * AttentionScore#create} builds it.
 */
public enum ScoreType {
    /** {@link DotScore}: q &middot; k (Luong et al. 2015). */
    DOT,
    /** {@link DotScore}, scaled: q &middot; k / &radic;d (Vaswani et al. 2017). */
    SCALED_DOT,
    /** {@link GeneralScore}: q<sup>T</sup> W k (Luong et al. 2015). */
    GENERAL,
    /** {@link ConcatScore}: v<sup>T</sup> tanh(W [q; k]) (Luong et al. 2015). */
    CONCAT,
    /** {@link AdditiveScore}: v<sup>T</sup> tanh(W<sub>q</sub> q + W<sub>k</sub> k) (Bahdanau). */
    ADDITIVE,
    /** {@link CosineScore}: cos(q, k) / &tau;. */
    COSINE;

    /**
     * Parses a name such as {@code "scaled_dot"}, {@code "scaled-dot"} or {@code "ADDITIVE"}.
     *
     * @param name the name, case-insensitive, with {@code -} or {@code _} between words
     * @return the score type
     * @throws IllegalArgumentException if the name matches no type; the message lists the names
     */
    public static ScoreType fromString(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ScoreType type : values()) {
            if (type.name().equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown attention score '" + name + "', expected one of " + names());
    }

    private static String names() {
        return Arrays.toString(
                Arrays.stream(values())
                        .map(t -> t.name().toLowerCase(Locale.ROOT))
                        .toArray(String[]::new));
    }
}
