package dev.seq2seq.eval;

import dev.seq2seq.data.Language;
import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.data.TextNormalizer;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;

import java.util.ArrayList;
import java.util.List;

/**
 * Translations of a multi-reference test set with their corpus scores.
 *
 * <p>The models of this project produce lower-cased text, so the references are lower-cased and
 * normalised the same way (NFC, one apostrophe, plain spaces; see {@link TextNormalizer}) before
 * scoring: the scores are case-insensitive BLEU and chrF, computed as sacreBLEU does on detokenized
 * text (13a tokenization, exp smoothing).
 *
 * @param translations one translation per source sentence, in test-set order
 * @param references the normalised references of each sentence
 * @param bleu corpus BLEU over all references
 * @param chrf corpus chrF over all references
 */
public record TestSetEvaluation(
        List<Translation> translations,
        List<List<String>> references,
        BleuScore bleu,
        ChrfScore chrf) {

    /**
     * Translates every source sentence of a test set and scores the translations.
     *
     * @param translator the translator
     * @param groups the test set, one group per source sentence
     * @param targetLanguage the language of the references (for case folding)
     * @return the evaluation
     */
    public static TestSetEvaluation of(
            Translator translator, List<ReferenceGroup> groups, Language targetLanguage) {
        List<String> sources = groups.stream().map(ReferenceGroup::source).toList();
        return score(translator.translate(sources), groups, targetLanguage);
    }

    /**
     * Scores translations made elsewhere (e.g. in chunks, with progress shown) against a test set.
     *
     * @param translations one translation per group, in the same order
     * @param groups the test set, one group per source sentence
     * @param targetLanguage the language of the references (for case folding)
     * @return the evaluation
     * @throws IllegalArgumentException if the two lists differ in length
     */
    public static TestSetEvaluation score(
            List<Translation> translations, List<ReferenceGroup> groups, Language targetLanguage) {
        if (translations.size() != groups.size()) {
            throw new IllegalArgumentException(
                    String.format(
                            "expected one translation per sentence (%d), got %d",
                            groups.size(), translations.size()));
        }
        TextNormalizer normalizer =
                TextNormalizer.builder()
                        .setLanguage(targetLanguage)
                        .optSplitPunctuation(false)
                        .build();
        List<List<String>> references = new ArrayList<>(groups.size());
        for (ReferenceGroup group : groups) {
            references.add(group.references().stream().map(normalizer::normalize).toList());
        }
        List<String> hypotheses = translations.stream().map(Translation::text).toList();
        return new TestSetEvaluation(
                List.copyOf(translations),
                references,
                Bleu.builder().build().corpusScore(hypotheses, references),
                Chrf.builder().build().corpusScore(hypotheses, references));
    }

    /**
     * Returns the hypotheses, in test-set order.
     *
     * @return the translated texts
     */
    public List<String> hypotheses() {
        return translations.stream().map(Translation::text).toList();
    }

    /**
     * Computes corpus BLEU separately for sentences grouped by source length (in tokens, without
     * {@code <eos>}): bucket i holds lengths in {@code (upperBounds[i-1], upperBounds[i]]}.
     *
     * @param upperBounds increasing bucket upper bounds, e.g. {@code 4, 6, 8, Integer.MAX_VALUE}
     * @return one score per bucket; an empty bucket scores NaN
     * @throws IllegalArgumentException if the bounds are not increasing
     */
    public List<LengthBucketScore> bleuByLength(int... upperBounds) {
        for (int i = 1; i < upperBounds.length; i++) {
            if (upperBounds[i] <= upperBounds[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must increase");
            }
        }
        List<LengthBucketScore> result = new ArrayList<>();
        Bleu bleu = Bleu.builder().build();
        int lower = 0;
        for (int upper : upperBounds) {
            List<String> hyps = new ArrayList<>();
            List<List<String>> refs = new ArrayList<>();
            for (int i = 0; i < translations.size(); i++) {
                int length = translations.get(i).sourceTokens().size() - 1;
                if (length > lower && length <= upper) {
                    hyps.add(translations.get(i).text());
                    refs.add(references.get(i));
                }
            }
            String label =
                    upper == Integer.MAX_VALUE
                            ? (lower + 1) + "+"
                            : lower + 1 == upper
                                    ? String.valueOf(upper)
                                    : (lower + 1) + "-" + upper;
            double score = hyps.isEmpty() ? Double.NaN : bleu.corpusScore(hyps, refs).score();
            result.add(new LengthBucketScore(label, hyps.size(), score));
            lower = upper;
        }
        return result;
    }
}
