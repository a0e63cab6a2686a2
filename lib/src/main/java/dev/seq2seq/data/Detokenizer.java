package dev.seq2seq.data;

import java.util.List;
import java.util.Set;

/**
 * Joins tokens back into a sentence, undoing {@link TextNormalizer}'s splits: no space before
 * closing punctuation and clitics, none after an elision's apostrophe or an opening bracket. French
 * keeps its typographic space before {@code ! ? ; :} and inside {@code « »}. Case is not restored.
 */
public final class Detokenizer {

    private static final Set<String> NO_SPACE_BEFORE_ENGLISH =
            Set.of(
                    ".", ",", "!", "?", ";", ":", ")", "…", "n't", "'s", "'re", "'m", "'ll", "'ve",
                    "'d");
    private static final Set<String> NO_SPACE_BEFORE_FRENCH = Set.of(".", ",", ")", "…");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "¿", "¡");

    private final Language language;

    /**
     * Creates a detokenizer for a language.
     *
     * @param language the language whose spacing rules apply
     */
    public Detokenizer(Language language) {
        this.language = language;
    }

    /**
     * Joins tokens into a sentence.
     *
     * @param tokens the tokens, as produced by {@link TextNormalizer} and a whitespace tokenizer
     * @return the sentence
     */
    public String detokenize(List<String> tokens) {
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
