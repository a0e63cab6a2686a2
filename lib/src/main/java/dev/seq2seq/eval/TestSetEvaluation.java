package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import dev.seq2seq.data.BpeEncoder;
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
 * <p>The references are normalised as the models' text is (NFC, one apostrophe, plain spaces; see
 * {@link TextNormalizer}) but keep their case. Scores are computed as sacreBLEU does on detokenized
 * text (13a tokenization, exp smoothing): {@link #bleu} and {@link #chrf} case-insensitively
 * (sacreBLEU's {@code -lc}), which is all a model writing lower-case text can be judged on, and
 * {@link #caseSensitiveBleu} as sacreBLEU's default, which also counts the case of the output (see
 * {@code data.Truecaser}).
 *
 * @param translations one translation per source sentence, in test-set order
 * @param references the normalised, cased references of each sentence
 * @param bleu case-insensitive corpus BLEU over all references
 * @param chrf case-insensitive corpus chrF over all references
 * @param caseSensitiveBleu case-sensitive corpus BLEU over all references
 */
public record TestSetEvaluation(
        List<Translation> translations,
        List<List<String>> references,
        BleuScore bleu,
        ChrfScore chrf,
        BleuScore caseSensitiveBleu) {

    /** The settings of {@link #bleu}: sacreBLEU's defaults with {@code -lc}. */
    public static final Bleu CASE_INSENSITIVE_BLEU = Bleu.builder().optLowercase(true).build();

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
        Preconditions.checkArgument(
                translations.size() == groups.size(),
                String.format(
                        "expected one translation per sentence (%d), got %d",
                        groups.size(), translations.size()));
        TextNormalizer normalizer =
                TextNormalizer.builder()
                        .setLanguage(targetLanguage)
                        .optSplitPunctuation(false)
                        .optLowerCase(false)
                        .build();
        List<List<String>> references = new ArrayList<>(groups.size());
        for (ReferenceGroup group : groups) {
            references.add(group.references().stream().map(normalizer::normalize).toList());
        }
        List<String> hypotheses = translations.stream().map(Translation::text).toList();
        return new TestSetEvaluation(
                List.copyOf(translations),
                references,
                CASE_INSENSITIVE_BLEU.corpusScore(hypotheses, references),
                Chrf.builder().build().corpusScore(lower(hypotheses), lowerAll(references)),
                Bleu.builder().build().corpusScore(hypotheses, references));
    }

    /**
     * Lower-cases sentences as sacreBLEU's {@code -lc} does (Python's {@code str.lower}).
     *
     * @param sentences sentences
     * @return the lower-cased sentences
     */
    public static List<String> lower(List<String> sentences) {
        return sentences.stream().map(PythonText::lower).toList();
    }

    /**
     * Lower-cases every sentence of every reference group.
     *
     * @param groups references per sentence
     * @return the lower-cased references
     */
    public static List<List<String>> lowerAll(List<List<String>> groups) {
        return groups.stream().map(TestSetEvaluation::lower).toList();
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
     * Computes case-insensitive corpus BLEU separately for sentences grouped by source length (in
     * words, without {@code <eos>}; subword units count as the words they make up): bucket i holds
     * lengths in {@code (upperBounds[i-1], upperBounds[i]]}.
     *
     * @param upperBounds increasing bucket upper bounds, e.g. {@code 4, 6, 8, Integer.MAX_VALUE}
     * @return one score per bucket; an empty bucket scores NaN
     * @throws IllegalArgumentException if the bounds are not increasing
     */
    public List<LengthBucketScore> bleuByLength(int... upperBounds) {
        List<LengthBucketScore> result = new ArrayList<>();
        for (Bucket b : buckets(upperBounds)) {
            double score =
                    b.hypotheses().isEmpty()
                            ? Double.NaN
                            : CASE_INSENSITIVE_BLEU
                                    .corpusScore(b.hypotheses(), b.references())
                                    .score();
            result.add(new LengthBucketScore(b.label(), b.hypotheses().size(), score));
        }
        return result;
    }

    /**
     * Estimates case-insensitive BLEU of each source-length bucket of {@link #bleuByLength} with a
     * 95% bootstrap interval, so that a chart can show how sure each bucket's score is (a bucket of
     * a few dozen sentences is much less sure than one of hundreds).
     *
     * @param bootstrap the resampling settings
     * @param upperBounds increasing bucket upper bounds, as for {@link #bleuByLength}
     * @return one estimate per bucket
     * @throws IllegalArgumentException if the bounds are not increasing or a bucket is empty
     */
    public List<PairedBootstrap.Estimate> bleuIntervalsByLength(
            PairedBootstrap bootstrap, int... upperBounds) {
        List<PairedBootstrap.Estimate> result = new ArrayList<>();
        for (Bucket b : buckets(upperBounds)) {
            Preconditions.checkArgument(
                    !b.hypotheses().isEmpty(), "the bucket " + b.label() + " is empty");
            result.add(
                    bootstrap.interval(
                            SentenceStatistics.bleu(
                                    CASE_INSENSITIVE_BLEU, b.hypotheses(), b.references())));
        }
        return result;
    }

    /**
     * Estimates case-insensitive BLEU of the whole test set with a 95% bootstrap interval, for a
     * chart of several systems' scores with their intervals.
     *
     * @param bootstrap the resampling settings
     * @return the estimate; its score is {@link #bleu()}'s
     */
    public PairedBootstrap.Estimate bleuInterval(PairedBootstrap bootstrap) {
        return bootstrap.interval(
                SentenceStatistics.bleu(CASE_INSENSITIVE_BLEU, hypotheses(), references));
    }

    /** The sentences of one source-length bucket. */
    private record Bucket(String label, List<String> hypotheses, List<List<String>> references) {}

    private List<Bucket> buckets(int... upperBounds) {
        for (int i = 1; i < upperBounds.length; i++) {
            if (upperBounds[i] <= upperBounds[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must increase");
            }
        }
        List<Bucket> result = new ArrayList<>();
        int lower = 0;
        for (int upper : upperBounds) {
            List<String> hyps = new ArrayList<>();
            List<List<String>> refs = new ArrayList<>();
            for (int i = 0; i < translations.size(); i++) {
                int length = BpeEncoder.wordCount(translations.get(i).sourceTokens()) - 1;
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
            result.add(new Bucket(label, hyps, refs));
            lower = upper;
        }
        return result;
    }
}
