package dev.seq2seq.eval;

import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;

import java.util.Arrays;
import java.util.List;

/**
 * The outputs of a spelling-to-sound model on a test set of words, scored as grapheme-to-phoneme
 * conversion is ({@link PronunciationErrors}): word and phoneme error rates against every
 * pronunciation of each word.
 *
 * @param translations one output per word, in test-set order
 * @param pronunciations each word's pronunciations, as lists of phonemes
 * @param words each word's errors against its closest pronunciation
 * @param score the test set's WER and PER
 */
public record PronunciationEvaluation(
        List<Translation> translations,
        List<List<List<String>>> pronunciations,
        List<PronunciationErrors.Word> words,
        PronunciationScore score) {

    /**
     * Converts every word of a test set and scores the outputs.
     *
     * @param translator the model's translator (character units)
     * @param groups the test set: each word with all its pronunciations as references
     * @return the evaluation
     */
    public static PronunciationEvaluation of(Translator translator, List<ReferenceGroup> groups) {
        return score(
                translator.translate(groups.stream().map(ReferenceGroup::source).toList()), groups);
    }

    /**
     * Scores outputs made elsewhere.
     *
     * @param translations one output per word, in the order of {@code groups}
     * @param groups each word with its pronunciations (phonemes separated by spaces)
     * @return the evaluation
     * @throws IllegalArgumentException if the lists differ in length or a word has no pronunciation
     */
    public static PronunciationEvaluation score(
            List<Translation> translations, List<ReferenceGroup> groups) {
        List<List<List<String>>> pronunciations =
                groups.stream()
                        .map(
                                g ->
                                        g.references().stream()
                                                .map(PronunciationEvaluation::phonemes)
                                                .toList())
                        .toList();
        List<List<String>> outputs = translations.stream().map(Translation::tokens).toList();
        List<PronunciationErrors.Word> words = PronunciationErrors.words(outputs, pronunciations);
        return new PronunciationEvaluation(
                List.copyOf(translations),
                pronunciations,
                words,
                PronunciationErrors.score(outputs, pronunciations));
    }

    /**
     * Compares two models on the same words by paired bootstrap resampling.
     *
     * @param bootstrap the resampling settings
     * @param baseline the baseline's evaluation
     * @param system the other's, on the same words
     * @return the WER result, then the PER result
     * @throws IllegalArgumentException if the two were scored on different words
     */
    public static List<PairedBootstrap.Result> compare(
            PairedBootstrap bootstrap,
            PronunciationEvaluation baseline,
            PronunciationEvaluation system) {
        if (!baseline.pronunciations().equals(system.pronunciations())) {
            throw new IllegalArgumentException(
                    "the two evaluations must be of the same words (their pronunciations differ)");
        }
        return List.of(
                bootstrap.compare(
                        SentenceStatistics.wordErrorRate(baseline.words()),
                        SentenceStatistics.wordErrorRate(system.words())),
                bootstrap.compare(
                        SentenceStatistics.phonemeErrorRate(baseline.words()),
                        SentenceStatistics.phonemeErrorRate(system.words())));
    }

    private static List<String> phonemes(String pronunciation) {
        String trimmed = pronunciation.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
