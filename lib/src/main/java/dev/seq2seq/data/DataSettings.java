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
        long seed) {}
