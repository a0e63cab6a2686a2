package dev.seq2seq.data;

import org.tribuo.util.tokens.Tokenizer;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;
import org.tribuo.util.tokens.impl.WhitespaceTokenizer;

import java.util.List;
import java.util.Objects;

/**
 * Turns a sentence into tokens: an optional {@link TextNormalizer}, then a Tribuo {@link Tokenizer}
 * that splits it into words, then optionally byte-pair encoding ({@link BpeEncoder}), which splits
 * the words into subword units. Thread-safe: each thread gets its own copy of the Tribuo tokenizer.
 *
 * <p>The default for the corpus is {@link #of(Language)}: the language's normaliser, whose output
 * is already split, then Tribuo's {@link WhitespaceTokenizer}. {@link #whitespace()} is for
 * pre-tokenised text; {@link #breakIterator(Language)} is Tribuo's locale-aware word breaker, shown
 * in the notebooks for comparison.
 */
public final class SentenceTokenizer {

    private final TextNormalizer normalizer;
    private final ThreadLocal<Tokenizer> tokenizer;
    private final BpeEncoder subwords;
    private final String description;

    private SentenceTokenizer(Builder builder) {
        this.normalizer = builder.normalizer;
        this.tokenizer = Tokenizer.createThreadLocal(builder.tokenizer);
        this.subwords = builder.subwords;
        this.description =
                (normalizer == null ? "" : "normalize(" + normalizer.language() + ") + ")
                        + builder.tokenizer.getClass().getSimpleName()
                        + (subwords == null
                                ? ""
                                : " + BPE(" + subwords.codes().size() + " merges)");
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
     * Returns the corpus tokenizer for a language: its {@link TextNormalizer} (lower-case, split
     * punctuation and clitics) followed by Tribuo's whitespace tokenizer.
     *
     * @param language the language
     * @return the tokenizer
     */
    public static SentenceTokenizer of(Language language) {
        return builder()
                .optNormalizer(TextNormalizer.of(language))
                .setTokenizer(new WhitespaceTokenizer())
                .build();
    }

    /**
     * Returns the corpus tokenizer for a language followed by byte-pair encoding.
     *
     * @param language the language
     * @param codes the merges, or null for word tokens
     * @return the tokenizer, equal to {@link #of(Language)} when {@code codes} is null
     */
    public static SentenceTokenizer of(Language language, BpeCodes codes) {
        return of(language, codes == null ? null : new BpeEncoder(codes));
    }

    /**
     * Returns the corpus tokenizer of a subword model: the language's tokenizer, then byte-pair
     * encoding that splits units outside the model's vocabulary back into smaller ones.
     *
     * @param language the language
     * @param codes the merges, or null for word tokens
     * @param vocabulary the model's vocabulary for this side
     * @return the tokenizer, equal to {@link #of(Language)} when {@code codes} is null
     */
    public static SentenceTokenizer of(Language language, BpeCodes codes, Vocabulary vocabulary) {
        return of(language, codes == null ? null : new BpeEncoder(codes, vocabulary.tokens()));
    }

    private static SentenceTokenizer of(Language language, BpeEncoder subwords) {
        return builder()
                .optNormalizer(TextNormalizer.of(language))
                .setTokenizer(new WhitespaceTokenizer())
                .optSubwords(subwords)
                .build();
    }

    /**
     * Returns a tokenizer for pre-tokenised text: split on white space, nothing else.
     *
     * @return the tokenizer
     */
    public static SentenceTokenizer whitespace() {
        return builder().setTokenizer(new WhitespaceTokenizer()).build();
    }

    /**
     * Returns a character tokenizer ({@link CharacterTokenizer}) after character-level
     * normalisation (NFC, one apostrophe, plain spaces, lower case): a word becomes its letters.
     *
     * @return the tokenizer of {@link Units#CHARACTERS}' source side
     */
    public static SentenceTokenizer characters() {
        TextNormalizer characters =
                TextNormalizer.builder()
                        .setLanguage(Language.ENGLISH)
                        .optSplitPunctuation(false)
                        .build();
        return builder().optNormalizer(characters).setTokenizer(new CharacterTokenizer()).build();
    }

    /**
     * Returns Tribuo's locale-aware {@link BreakIteratorTokenizer} after character-level
     * normalisation only (NFC, apostrophes, spaces, lower case).
     *
     * @param language the language whose locale the break iterator uses
     * @return the tokenizer
     */
    public static SentenceTokenizer breakIterator(Language language) {
        TextNormalizer characters =
                TextNormalizer.builder().setLanguage(language).optSplitPunctuation(false).build();
        return builder()
                .optNormalizer(characters)
                .setTokenizer(new BreakIteratorTokenizer(language.locale()))
                .build();
    }

    /**
     * Tokenizes one sentence.
     *
     * @param sentence the sentence
     * @return its tokens: subword units if this tokenizer has {@link #subwords()}, else words;
     *     possibly empty for a blank sentence
     * @throws NullPointerException if {@code sentence} is null
     */
    public List<String> tokenize(String sentence) {
        List<String> words = words(sentence);
        return subwords == null ? words : subwords.encode(words);
    }

    /**
     * Splits one sentence into words, before any byte-pair encoding.
     *
     * @param sentence the sentence
     * @return its words, possibly empty for a blank sentence
     * @throws NullPointerException if {@code sentence} is null
     */
    public List<String> words(String sentence) {
        Objects.requireNonNull(sentence, "sentence");
        String text = normalizer == null ? sentence : normalizer.normalize(sentence);
        return List.copyOf(tokenizer.get().split(text));
    }

    /**
     * Counts the words that tokens from {@link #tokenize} make up.
     *
     * @param tokens tokens from this tokenizer
     * @return the number of words: the tokens that end a word if this tokenizer has subwords, else
     *     the number of tokens
     */
    public int wordCount(List<String> tokens) {
        return subwords == null ? tokens.size() : BpeEncoder.wordCount(tokens);
    }

    /**
     * Returns the byte-pair encoder applied after word splitting.
     *
     * @return the encoder, or null for a word tokenizer
     */
    public BpeEncoder subwords() {
        return subwords;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Builds a {@link SentenceTokenizer}. */
    public static final class Builder {
        private TextNormalizer normalizer;
        private Tokenizer tokenizer;
        private BpeEncoder subwords;

        private Builder() {}

        /**
         * Sets the Tribuo tokenizer that splits the (normalised) text (required).
         *
         * @param tokenizer a Tribuo tokenizer; it is cloned per thread
         * @return this builder
         */
        public Builder setTokenizer(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /**
         * Sets a normaliser applied before tokenizing (default none).
         *
         * @param normalizer the normaliser
         * @return this builder
         */
        public Builder optNormalizer(TextNormalizer normalizer) {
            this.normalizer = normalizer;
            return this;
        }

        /**
         * Sets byte-pair encoding applied to the words (default none: word tokens).
         *
         * @param subwords the encoder
         * @return this builder
         */
        public Builder optSubwords(BpeEncoder subwords) {
            this.subwords = subwords;
            return this;
        }

        /**
         * Builds the tokenizer.
         *
         * @return the tokenizer
         * @throws IllegalStateException if no Tribuo tokenizer was set
         */
        public SentenceTokenizer build() {
            if (tokenizer == null) {
                throw new IllegalStateException("SentenceTokenizer needs setTokenizer(...)");
            }
            return new SentenceTokenizer(this);
        }
    }
}
