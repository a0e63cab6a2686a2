package dev.seq2seq.data;

import ai.djl.util.Preconditions;

/**
 * How {@link TranslationData} prepared a corpus: everything its builder takes except the file, so
 * that a trained model records the data it saw and the same preparation can be repeated. The
 * tokenizers are those of the {@link Units}: for words, {@link SentenceTokenizer#of} the two
 * languages (lower-casing, punctuation and clitics split), followed by byte-pair encoding when
 * {@code bpeMerges > 0}; for characters, the source's characters and the target's space-separated
 * tokens.
 *
 * @param sourceLanguage the language of the first column
 * @param targetLanguage the language of the second column
 * @param maxPairs the size of the seeded sample ({@code Integer.MAX_VALUE} for all pairs)
 * @param validFraction the fraction of source sentences held out for validation
 * @param testFraction the fraction of source sentences held out for testing
 * @param minFrequency the vocabularies' minimum count for words; subword vocabularies keep every
 *     unit of the training split (a unit seen once still beats {@code <unk>})
 * @param maxSourceLength the longest source kept, in words (before byte-pair encoding, so that word
 *     and subword models see the same pairs)
 * @param maxTargetLength the longest target kept, in words
 * @param seed the sampling and split seed
 * @param bpeMerges the number of byte-pair encoding merges learned from the training split
 *     (Sennrich et al. 2016), 0 for word tokens
 * @param bpeSeparate whether source and target learn their own merges rather than one joint set
 *     (the default, false)
 * @param bpeDropout the BPE-dropout rate of the training split (Provilkov et al. 2020): each epoch
 *     re-encodes the training pairs, skipping each applicable merge with this probability; 0 (the
 *     default) for the deterministic encoding. Validation and test pairs are never dropped out.
 * @param units what the model reads and writes: {@link Units#WORDS} (also when a {@code
 *     training.json} written before units were recorded has none) or {@link Units#CHARACTERS}
 */
public record DataSettings(
        Language sourceLanguage,
        Language targetLanguage,
        int maxPairs,
        double validFraction,
        double testFraction,
        int minFrequency,
        int maxSourceLength,
        int maxTargetLength,
        long seed,
        int bpeMerges,
        boolean bpeSeparate,
        double bpeDropout,
        Units units) {

    /**
     * Checks the values that have no other check; missing units (an older {@code training.json})
     * are words.
     *
     * @throws IllegalArgumentException if the number of merges is negative, the BPE-dropout rate is
     *     outside [0, 1) or set for word tokens, or byte-pair encoding is asked for characters
     */
    public DataSettings {
        if (units == null) {
            units = Units.WORDS;
        }
        if (units == Units.CHARACTERS && bpeMerges > 0) {
            throw new IllegalArgumentException(
                    "byte-pair encoding (bpeMerges = "
                            + bpeMerges
                            + ") works on words; character units take none");
        }
        Preconditions.checkArgument(bpeMerges >= 0, "bpeMerges must be >= 0, got " + bpeMerges);
        if (!(bpeDropout >= 0 && bpeDropout < 1)) {
            throw new IllegalArgumentException(
                    "the BPE-dropout rate must be in [0, 1), got " + bpeDropout);
        }
        if (bpeDropout > 0 && bpeMerges == 0) {
            throw new IllegalArgumentException(
                    "BPE-dropout needs subword units (bpeMerges > 0), got word tokens");
        }
    }

    /**
     * Returns a builder that starts from the {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the defaults of {@link TranslationData#builder()}: English to French, every pair, 5%
     * validation and 5% test, minimum count 2, at most 16 source and 20 target words (which keeps
     * every pair of the bundled corpus), seed 2026, word tokens.
     *
     * @return the default settings
     */
    public static DataSettings defaults() {
        return builder().build();
    }

    /**
     * Returns the defaults of spelling to sound on the bundled CMU Pronouncing Dictionary (notebook
     * 12, {@code train --units chars}): English words to their phonemes ({@link Units#CHARACTERS}),
     * every word, 4% of the words for validation and 9.6% for test (11,992 of the 124,920 of {@code
     * datasets/cmudict.tsv}, near the 12,000 test words of the published split), every character
     * and phoneme in the vocabularies, words of up to 32 characters and 32 phonemes (all of them),
     * seed 2026. Every pronunciation of a word falls in the word's split.
     *
     * @return the settings
     */
    public static DataSettings spellingToSound() {
        return builder()
                .optLanguages(Language.ENGLISH, Language.ENGLISH)
                .optSplit(0.04, 0.096)
                .optMinFrequency(1)
                .optMaxLengths(32, 32)
                .optUnits(Units.CHARACTERS)
                .build();
    }

    /** Builds {@link DataSettings}; its options are those of {@link DataSettingsBuilder}. */
    public static final class Builder extends DataSettingsBuilder<Builder> {

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException as the record's constructor
         */
        public DataSettings build() {
            return settings();
        }
    }
}
