package dev.seq2seq.data;

import java.util.Locale;

/**
 * The languages whose tokenization rules the library knows. The rules differ in how apostrophes and
 * hyphens are split; see {@link TextNormalizer}.
 */
public enum Language {
    /** English: clitics such as {@code n't}, {@code 's}, {@code 're} are split off. */
    ENGLISH(Locale.ENGLISH),
    /**
     * French: elided words keep their apostrophe ({@code l'}, {@code qu'}) and inverted subject
     * pronouns keep their hyphen ({@code -ce}, {@code -tu}, {@code -t-il}).
     */
    FRENCH(Locale.FRENCH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /**
     * Returns the locale used for lower-casing and for Tribuo's break-iterator tokenizer.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }
}
