package dev.seq2seq.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python 3 {@code str} behaviours that sacreBLEU's and rouge-score's results depend on, so
 * that Java gives the same tokens and the same printed numbers.
 *
 * <ul>
 *   <li>{@code str.split()} and {@code str.rstrip()} treat exactly the characters for which {@code
 *       str.isspace()} is true as whitespace (29 code points, listed in {@link #isWhitespace});
 *       Java's {@link Character#isWhitespace} differs (it excludes no-break spaces, includes some
 *       separators), so it is not used.
 *   <li>Python indexes strings by code point, Java by UTF-16 unit; character n-grams are taken over
 *       code points here.
 *   <li>{@code f"{x:.2f}"} rounds the exact binary value half-to-even; {@link String#format} rounds
 *       a shorter decimal form half-up, so {@link #fixed} uses {@link BigDecimal}.
 *   <li>{@code str.lower()} is taken as {@link String#toLowerCase(Locale)} with {@link
 *       Locale#ROOT}; both apply the Unicode full case mappings (with final sigma).
 * </ul>
 */
final class PythonText {

    private PythonText() {}

    /**
     * Returns whether Python's {@code str.isspace()} is true for a code point (Unicode 14 list:
     * U+0009..U+000D, U+001C..U+001F, U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028,
     * U+2029, U+202F, U+205F, U+3000).
     */
    static boolean isWhitespace(int cp) {
        if (cp >= 0x09 && cp <= 0x0D || cp >= 0x1C && cp <= 0x20 || cp >= 0x2000 && cp <= 0x200A) {
            return true;
        }
        return cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    /** Python's {@code line.split()}: runs of whitespace separate tokens; no empty tokens. */
    static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            if (isWhitespace(cp)) {
                if (start >= 0) {
                    tokens.add(line.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(line.substring(start));
        }
        return tokens;
    }

    /** Python's {@code ' '.join(line.split())}: whitespace collapsed to single spaces, trimmed. */
    static String collapseWhitespace(String line) {
        return String.join(" ", split(line));
    }

    /** Python's {@code line.rstrip()}. */
    static String rstrip(String line) {
        int end = line.length();
        while (end > 0) {
            int cp = line.codePointBefore(end);
            if (!isWhitespace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return line.substring(0, end);
    }

    /** Python's {@code ''.join(line.split())}: all whitespace removed. */
    static String removeWhitespace(String line) {
        return String.join("", split(line));
    }

    /** Python's {@code line.lower()}, locale-independent. */
    static String lower(String line) {
        return line.toLowerCase(Locale.ROOT);
    }

    /**
     * Python's {@code f"{x:.{digits}f}"} for finite values: the exact binary value rounded half to
     * even.
     */
    static String fixed(double x, int digits) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
