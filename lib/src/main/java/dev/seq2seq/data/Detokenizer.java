package dev.seq2seq.data;

import java.util.List;
import java.util.Set;

/**
 * Joins tokens back into a sentence, undoing {@link TextNormalizer}'s splits: no space before
 * closing punctuation and clitics, none after an elision's apostrophe or an opening bracket. French
 * keeps its typographic space before {@code ! ? ; :} and inside {@code « »}. A detokenizer for
 * subword output first rejoins the units into words ({@link BpeEncoder#decode}); one with a {@link
 * Truecaser} then restores case (without one, the lower case of the tokens is kept).
 */
public final class Detokenizer {

    private static final Set<String> NO_SPACE_BEFORE_ENGLISH =
            Set.of(
                    ".", ",", "!", "?", ";", ":", ")", "…", "n't", "'s", "'re", "'m", "'ll", "'ve",
                    "'d");
    private static final Set<String> NO_SPACE_BEFORE_FRENCH = Set.of(".", ",", ")", "…");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "¿", "¡");

    private final Language language; // null: tokens joined with single spaces
    private final boolean subwords;
    private final Truecaser truecaser;

    /**
     * Returns a detokenizer that joins tokens with single spaces and nothing else, for output that
     * is not a sentence of a language, such as phonemes ({@link Units#CHARACTERS}).
     *
     * @return the detokenizer
     */
    public static Detokenizer spaced() {
        return new Detokenizer(null, false, null);
    }

    /**
     * Creates a detokenizer for a language's word tokens.
     *
     * @param language the language whose spacing rules apply
     */
    public Detokenizer(Language language) {
        this(language, false);
    }

    /**
     * Creates a detokenizer for a language's word or subword tokens.
     *
     * @param language the language whose spacing rules apply
     * @param subwords whether tokens are byte-pair encoding units with {@value
     *     BpeEncoder#CONTINUATION} continuation markers, to be rejoined into words first
     */
    public Detokenizer(Language language, boolean subwords) {
        this(language, subwords, null);
    }

    /**
     * Creates a detokenizer that rejoins subwords if there are any and restores case.
     *
     * @param language the language whose spacing rules apply
     * @param subwords whether tokens are byte-pair encoding units to be rejoined into words first
     * @param truecaser restores the case of the words, or null to keep them lower-case
     */
    public Detokenizer(Language language, boolean subwords, Truecaser truecaser) {
        this.language = language;
        this.subwords = subwords;
        this.truecaser = truecaser;
    }

    /**
     * Returns the detokenizer for what a tokenizer produces.
     *
     * @param language the language
     * @param tokenizer the tokenizer whose output will be joined
     * @param truecaser restores case, or null to keep the output lower-case
     * @return a detokenizer that rejoins subwords if the tokenizer makes them
     */
    public static Detokenizer of(
            Language language, SentenceTokenizer tokenizer, Truecaser truecaser) {
        return new Detokenizer(language, tokenizer.subwords() != null, truecaser);
    }

    /**
     * Joins tokens into a sentence.
     *
     * @param tokens the tokens, as produced by {@link TextNormalizer} and a whitespace tokenizer
     *     (and byte-pair encoding for a subword detokenizer)
     * @return the sentence
     */
    public String detokenize(List<String> tokens) {
        if (language == null) {
            return String.join(" ", tokens);
        }
        if (subwords) {
            tokens = BpeEncoder.decode(tokens);
        }
        if (truecaser != null) {
            tokens = truecaser.apply(tokens);
        }
        StringBuilder out = new StringBuilder();
        String previous = null;
        boolean quoteOpen = false;
        for (String token : tokens) {
            boolean isQuote = token.equals("\"");
            boolean closingQuote = isQuote && quoteOpen;
            boolean afterOpeningQuote = "\"".equals(previous) && quoteOpen;
            boolean attach =
                    previous == null
                            || noSpaceBefore(token)
                            || NO_SPACE_AFTER.contains(previous)
                            || (language == Language.FRENCH && previous.endsWith("'"))
                            || closingQuote
                            || afterOpeningQuote;
            if (!attach) {
                out.append(' ');
            }
            out.append(token);
            if (isQuote) {
                quoteOpen = !quoteOpen;
            }
            previous = token;
        }
        return out.toString();
    }

    private boolean noSpaceBefore(String token) {
        if (language == Language.ENGLISH) {
            return NO_SPACE_BEFORE_ENGLISH.contains(token);
        }
        return NO_SPACE_BEFORE_FRENCH.contains(token)
                || (token.length() > 1 && token.startsWith("-"));
    }
}
