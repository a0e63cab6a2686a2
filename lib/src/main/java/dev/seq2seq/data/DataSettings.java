package dev.seq2seq.data;

/**
 * How {@link TranslationData} prepared a corpus: everything its builder takes except the file, so
 * that a trained model records the data it saw and the same preparation can be repeated. The
 * tokenizers are {@link SentenceTokenizer#of} the two languages (lower-casing, punctuation and
 * clitics split).
 *
 * @param sourceLanguage the language of the first column
 * @param targetLanguage the language of the second column
 * @param maxPairs the size of the seeded sample ({@code Integer.MAX_VALUE} for all pairs)
 * @param validFraction the fraction of source sentences held out for validation
 * @param testFraction the fraction of source sentences held out for testing
 * @param minFrequency the vocabularies' minimum count
 * @param maxSourceLength the longest source kept, in tokens
 * @param maxTargetLength the longest target kept, in tokens
 * @param seed the sampling and split seed
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
        long seed) {

    /**
     * Returns the defaults of {@link TranslationData#builder()}: English to French, every pair, 5%
     * validation and 5% test, minimum count 2, at most 16 source and 20 target tokens (which keeps
     * every pair of the bundled corpus), seed 2026.
     *
     * @return the default settings
     */
    public static DataSettings defaults() {
        return new DataSettings(
                Language.ENGLISH, Language.FRENCH, Integer.MAX_VALUE, 0.05, 0.05, 2, 16, 20, 2026);
    }
}
