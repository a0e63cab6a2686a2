package dev.seq2seq.eval;

import java.util.Locale;

/**
 * A test set's grapheme-to-phoneme errors ({@link PronunciationErrors}).
 *
 * @param words the words scored
 * @param wordErrors the words whose output matches none of their pronunciations
 * @param phonemeEdits the summed edit distances to each word's closest pronunciation
 * @param referencePhonemes the summed lengths of those closest pronunciations
 */
public record PronunciationScore(
        int words, int wordErrors, long phonemeEdits, long referencePhonemes) {

    /**
     * Returns the word error rate.
     *
     * @return {@code 100 * wordErrors / words}, a percentage; NaN for no word
     */
    public double wer() {
        return words == 0 ? Double.NaN : 100.0 * wordErrors / words;
    }

    /**
     * Returns the phoneme error rate.
     *
     * @return {@code 100 * phonemeEdits / referencePhonemes}, a percentage; NaN for no phoneme
     */
    public double per() {
        return referencePhonemes == 0 ? Double.NaN : 100.0 * phonemeEdits / referencePhonemes;
    }

    /**
     * Formats both rates with their counts.
     *
     * @return e.g. {@code WER 24.10% (2,892 of 12,000 words), PER 5.93% (4,321 edits in 72,870
     *     phonemes)}
     */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "WER %.2f%% (%,d of %,d words), PER %.2f%% (%,d edits in %,d phonemes)",
                wer(),
                wordErrors,
                words,
                per(),
                phonemeEdits,
                referencePhonemes);
    }
}
