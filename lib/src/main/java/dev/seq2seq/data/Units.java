package dev.seq2seq.data;

/**
 * What a model reads and writes: the tokenization choice of {@link TranslationData} and of {@code
 * bin/seq2seq train --units}, recorded in the data settings and the provenance so that every
 * command rebuilds the same tokenizers.
 */
public enum Units {
    /**
     * Words of each side's language ({@link SentenceTokenizer#of(Language)}: lower-cased,
     * punctuation and clitics split), or their byte-pair encoding units: translation.
     */
    WORDS,
    /**
     * The source's characters and the target's space-separated tokens as written: spelling to
     * sound, a word in, its phonemes out ({@code through} → {@code TH R UW}). No byte-pair
     * encoding, no truecasing; output tokens are joined with single spaces.
     */
    CHARACTERS;

    /**
     * Returns the source tokenizer, before any byte-pair encoding.
     *
     * @param language the source language
     * @return the language's word tokenizer, or {@link SentenceTokenizer#characters()}
     */
    public SentenceTokenizer sourceTokenizer(Language language) {
        return this == WORDS ? SentenceTokenizer.of(language) : SentenceTokenizer.characters();
    }

    /**
     * Returns the target tokenizer, before any byte-pair encoding.
     *
     * @param language the target language
     * @return the language's word tokenizer, or {@link SentenceTokenizer#whitespace()}
     */
    public SentenceTokenizer targetTokenizer(Language language) {
        return this == WORDS ? SentenceTokenizer.of(language) : SentenceTokenizer.whitespace();
    }

    /**
     * Returns the detokenizer of the target side.
     *
     * @param language the target language
     * @param tokenizer the target tokenizer (whose subword units, if any, are rejoined)
     * @param truecaser restores case, or null to keep the output's case (ignored for {@link
     *     #CHARACTERS})
     * @return the detokenizer
     */
    public Detokenizer detokenizer(
            Language language, SentenceTokenizer tokenizer, Truecaser truecaser) {
        return this == WORDS
                ? Detokenizer.of(language, tokenizer, truecaser)
                : Detokenizer.spaced();
    }
}
