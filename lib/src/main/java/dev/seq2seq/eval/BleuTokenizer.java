package dev.seq2seq.eval;

import java.util.regex.Pattern;

/**
 * The tokenizers BLEU applies to hypotheses and references before counting n-grams, as sacreBLEU
 * 2.x implements them ({@code sacrebleu/tokenizers/tokenizer_13a.py}, {@code tokenizer_re.py},
 * {@code tokenizer_intl.py}, {@code tokenizer_char.py}, {@code tokenizer_none.py}). BLEU is only
 * comparable across papers when the tokenizer is the same, which is why it appears in the signature
 * ({@code tok:13a}).
 *
 * <p>Each tokenizer returns a string whose tokens are separated by single spaces; BLEU then splits
 * it on whitespace.
 */
public enum BleuTokenizer {

    /**
     * {@code 13a}, the default: the tokenization of WMT's {@code mteval-v13a.pl}. It removes {@code
     * <skipped>}, joins lines broken after a hyphen, unescapes {@code &quot; &amp; &lt; &gt;}, then
     * puts spaces around ASCII symbols and punctuation ({@code {|}~ [\]^_` !"#$%& ()*+ :;<=>?@ /}),
     * around {@code .} and {@code ,} unless they sit next to a digit, and after a {@code -} that
     * follows a digit. The apostrophe is not split: {@code wasn't} stays one token.
     */
    MTEVAL_13A("13a") {
        @Override
        public String tokenize(String line) {
            String text = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
            if (text.contains("&")) {
                text =
                        text.replace("&quot;", "\"")
                                .replace("&amp;", "&")
                                .replace("&lt;", "<")
                                .replace("&gt;", ">");
            }
            text = " " + text + " ";
            text = ASCII_SYMBOL.matcher(text).replaceAll(" $1 ");
            text = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(text).replaceAll("$1 $2 ");
            text = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(text).replaceAll(" $1 $2");
            text = DASH_AFTER_DIGIT.matcher(text).replaceAll("$1 $2 ");
            return PythonText.collapseWhitespace(text);
        }
    },

    /**
     * {@code intl}: the international tokenization of {@code mteval-v14.pl}. It splits off every
     * Unicode punctuation character ({@code \p{P}}) unless it has a digit ({@code \p{N}}) on both
     * sides (so {@code 3.14} and {@code 1,000} stay whole), and every Unicode symbol ({@code
     * \p{S}}). As in the Perl original, a number followed by a final period keeps the period:
     * {@code "in 2019."} gives {@code in 2019.}.
     *
     * <p>sacreBLEU uses the Python {@code regex} module; here {@link java.util.regex} with the same
     * general categories. The only known difference is the Unicode version behind the categories
     * (Java 17: Unicode 13; {@code regex}: newer), which matters only for characters assigned
     * since.
     */
    INTL("intl") {
        @Override
        public String tokenize(String line) {
            String text = PUNCT_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
            text = PUNCT_BEFORE_NON_DIGIT.matcher(text).replaceAll(" $1 $2");
            text = SYMBOL.matcher(text).replaceAll(" $1 ");
            return PythonText.collapseWhitespace(text);
        }
    },

    /** {@code char}: every character (code point) is a token, for languages without spaces. */
    CHAR("char") {
        @Override
        public String tokenize(String line) {
            StringBuilder out = new StringBuilder(line.length() * 2);
            line.codePoints()
                    .forEach(
                            cp -> {
                                if (out.length() > 0) {
                                    out.append(' ');
                                }
                                out.appendCodePoint(cp);
                            });
            return out.toString();
        }
    },

    /** {@code none}: no tokenization; the text is only split on whitespace (not recommended). */
    NONE("none") {
        @Override
        public String tokenize(String line) {
            return line;
        }
    };

    // 13a (tokenizer_re.py): ASCII symbols, then period/comma unless next to a digit, then dash
    private static final Pattern ASCII_SYMBOL = Pattern.compile("([\\{-~\\[-` -&\\(-+:-@/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    // intl (tokenizer_intl.py)
    private static final Pattern PUNCT_AFTER_NON_DIGIT = Pattern.compile("(\\P{N})(\\p{P})");
    private static final Pattern PUNCT_BEFORE_NON_DIGIT = Pattern.compile("(\\p{P})(\\P{N})");
    private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

    private final String signature;

    BleuTokenizer(String signature) {
        this.signature = signature;
    }

    /**
     * Tokenizes one segment.
     *
     * @param line the segment, already lower-cased if BLEU is case-insensitive
     * @return its tokens, separated by single spaces
     */
    public abstract String tokenize(String line);

    /**
     * Returns the tokenizer's name in sacreBLEU signatures and on its command line.
     *
     * @return {@code 13a}, {@code intl}, {@code char} or {@code none}
     */
    public String signature() {
        return signature;
    }

    /**
     * Looks a tokenizer up by its sacreBLEU name.
     *
     * @param name {@code 13a}, {@code intl}, {@code char} or {@code none}
     * @return the tokenizer
     * @throws IllegalArgumentException if the name is unknown
     */
    public static BleuTokenizer fromSignature(String name) {
        for (BleuTokenizer tokenizer : values()) {
            if (tokenizer.signature.equals(name)) {
                return tokenizer;
            }
        }
        throw new IllegalArgumentException(
                "unknown BLEU tokenizer '" + name + "'; known: 13a, intl, char, none");
    }
}
