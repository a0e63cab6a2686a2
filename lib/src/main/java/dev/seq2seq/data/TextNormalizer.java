package dev.seq2seq.data;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises a sentence into space-separated tokens, so that a whitespace tokenizer can split it.
 *
 * <p>In order:
 *
 * <ol>
 *   <li>Unicode NFC, so that {@code é} is one code point whatever the input used;
 *   <li>apostrophes {@code ’ ‘ ʼ} become {@code '}; no-break and thin spaces (U+00A0, U+202F,
 *       U+2009) become plain spaces;
 *   <li>lower-casing in the language's locale (on by default, {@code optLowerCase(false)} to keep
 *       case);
 *   <li>punctuation {@code . , ! ? ; : " « » ( ) … ¡ ¿} is split from words, except a {@code .}
 *       {@code ,} or {@code :} between two digits ({@code 3.5}, {@code 10:30}); a run of dots
 *       ({@code ...}) stays one token;
 *   <li>language rules for apostrophes and hyphens:
 *       <ul>
 *         <li>English splits clitics off as in the Penn Treebank: {@code don't -> do n't}, {@code
 *             I'm -> i 'm}, {@code Tom's -> tom 's};
 *         <li>French splits after an elision's apostrophe, which stays with the elided word: {@code
 *             l'heure -> l' heure}, {@code qu'il -> qu' il}, except in {@code aujourd'hui} and
 *             {@code quelqu'un}; and splits an inverted subject or object pronoun off with its
 *             hyphen: {@code est-ce -> est -ce}, {@code as-tu -> as -tu}, {@code va-t-il -> va
 *             -t-il}, {@code donne-le-moi -> donne -le -moi}. Compound words keep their hyphen
 *             ({@code peut-être}, {@code grand-mère}). Both choices keep the vocabulary small
 *             without losing information: {@link Detokenizer} rejoins them.
 *       </ul>
 *   <li>runs of white space collapse to one space; the result is trimmed.
 * </ol>
 */
public final class TextNormalizer {

    private static final String SPLIT_PUNCTUATION = ".,!?;:\"«»()…¡¿";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ENGLISH_NOT = Pattern.compile("(?<=\\p{L})(n't)\\b");
    private static final Pattern ENGLISH_CLITIC =
            Pattern.compile("(?<=\\p{L})('(?:s|re|m|ll|ve|d))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRENCH_ELISION = Pattern.compile("(?<=\\p{L})'(?=\\p{L})");
    private static final Set<String> FRENCH_UNSPLIT =
            Set.of("aujourd'hui", "quelqu'un", "quelqu'une");
    private static final Pattern FRENCH_INVERSION =
            Pattern.compile(
                    "(?<=\\p{L})(-t)?-(je|tu|il|elle|on|nous|vous|ils|elles|ce|moi|toi|lui|leur|le|la|les|en|y)(?=[\\s-]|$)",
                    Pattern.CASE_INSENSITIVE);

    private final Language language;
    private final boolean lowerCase;
    private final boolean splitPunctuation;

    private TextNormalizer(Builder builder) {
        this.language = builder.language;
        this.lowerCase = builder.lowerCase;
        this.splitPunctuation = builder.splitPunctuation;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the default normaliser for a language: lower-casing and punctuation splitting on.
     *
     * @param language the language
     * @return the normaliser
     */
    public static TextNormalizer of(Language language) {
        return builder().setLanguage(language).build();
    }

    /**
     * Returns the language whose rules this normaliser applies.
     *
     * @return the language
     */
    public Language language() {
        return language;
    }

    /**
     * Normalises one sentence.
     *
     * @param text the raw sentence
     * @return the normalised sentence, tokens separated by single spaces
     * @throws NullPointerException if {@code text} is null
     */
    public String normalize(String text) {
        Objects.requireNonNull(text, "text");
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
        s = s.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ');
        if (lowerCase) {
            s = s.toLowerCase(language.locale());
        }
        if (splitPunctuation) {
            s = splitPunctuation(s);
            s = language == Language.ENGLISH ? splitEnglish(s) : splitFrench(s.strip());
        }
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static String splitPunctuation(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (SPLIT_PUNCTUATION.indexOf(c) < 0 || isNumberSeparator(s, i)) {
                out.append(c);
                continue;
            }
            out.append(' ');
            out.append(c);
            while (c == '.' && i + 1 < n && s.charAt(i + 1) == '.') {
                out.append('.');
                i++;
            }
            out.append(' ');
        }
        return out.toString();
    }

    private static boolean isNumberSeparator(String s, int i) {
        char c = s.charAt(i);
        return (c == '.' || c == ',' || c == ':')
                && i > 0
                && i + 1 < s.length()
                && Character.isDigit(s.charAt(i - 1))
                && Character.isDigit(s.charAt(i + 1));
    }

    private static String splitEnglish(String s) {
        String result = ENGLISH_NOT.matcher(s).replaceAll(" $1");
        return ENGLISH_CLITIC.matcher(result).replaceAll(" $1");
    }

    private String splitFrench(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (String word : SPACES.split(s)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            String w =
                    FRENCH_UNSPLIT.contains(word.toLowerCase(language.locale()))
                            ? word
                            : FRENCH_ELISION.matcher(word).replaceAll("' ");
            Matcher inversion = FRENCH_INVERSION.matcher(w);
            out.append(inversion.replaceAll(m -> " " + Matcher.quoteReplacement(m.group())));
        }
        return out.toString();
    }

    /** Builds a {@link TextNormalizer}. */
    public static final class Builder {
        private Language language;
        private boolean lowerCase = true;
        private boolean splitPunctuation = true;

        private Builder() {}

        /**
         * Sets the language whose apostrophe and hyphen rules apply (required).
         *
         * @param language the language
         * @return this builder
         */
        public Builder setLanguage(Language language) {
            this.language = language;
            return this;
        }

        /**
         * Sets whether text is lower-cased (default true).
         *
         * @param lowerCase whether to lower-case
         * @return this builder
         */
        public Builder optLowerCase(boolean lowerCase) {
            this.lowerCase = lowerCase;
            return this;
        }

        /**
         * Sets whether punctuation and clitics are split from words (default true). Without it,
         * only the character-level steps (NFC, apostrophes, spaces, case) apply.
         *
         * @param split whether to split
         * @return this builder
         */
        public Builder optSplitPunctuation(boolean split) {
            this.splitPunctuation = split;
            return this;
        }

        /**
         * Builds the normaliser.
         *
         * @return the normaliser
         * @throws IllegalStateException if no language was set
         */
        public TextNormalizer build() {
            if (language == null) {
                throw new IllegalStateException("TextNormalizer needs setLanguage(...)");
            }
            return new TextNormalizer(this);
        }
    }
}
