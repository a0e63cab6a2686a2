package dev.seq2seq.exercises;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How answers are compared: text after trimming and lower-casing, numbers within a tolerance, and
 * fixed text answers by a salted SHA-256, so that the library's source does not show them either.
 */
final class Answers {

    /** The salt of every hashed answer. */
    static final String SALT = "seq2seq-java exercises: ";

    private Answers() {}

    /** The text of an answer as compared: trimmed and lower-cased. */
    static String text(Object answer) {
        return answer.toString().strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a text answer's salted hash is {@code hex}. */
    static boolean hashes(Object answer, String hex) {
        return hash(text(answer)).equals(hex);
    }

    /** The salted SHA-256 of a normalised answer, as lower-case hex. */
    static String hash(String normalised) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest((SALT + normalised).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whether a numeric answer is within {@code tolerance} of {@code expected}. */
    static boolean near(Object answer, double expected, double tolerance) {
        if (!(answer instanceof Number number)) {
            throw new ClassCastException(
                    "a number is expected, got " + answer.getClass().getSimpleName());
        }
        return Math.abs(number.doubleValue() - expected) <= tolerance;
    }

    /** Whether a whole-number answer equals {@code expected}. */
    static boolean equalsWhole(Object answer, long expected) {
        if (!(answer instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new ClassCastException("a whole number is expected, got " + answer);
        }
        return number.longValue() == expected;
    }
}
