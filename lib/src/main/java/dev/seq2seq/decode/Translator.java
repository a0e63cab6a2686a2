package dev.seq2seq.decode;

import ai.djl.ndarray.NDManager;
import ai.djl.util.Preconditions;

import dev.seq2seq.data.Detokenizer;
import dev.seq2seq.data.EncodedPair;
import dev.seq2seq.data.SentenceTokenizer;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.data.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Translates sentences end to end: tokenize, map to ids, batch sentences of similar length, search,
 * map back to tokens and detokenize. Results come back in input order. The search is any {@link
 * Search}: greedy, beam or sampling.
 *
 * <pre>{@code
 * Translator translator =
 *         Translator.builder().setSearch(new GreedySearch(model)).setData(data).build();
 * List<Translation> out = translator.translate(List.of("I love you."));
 * }</pre>
 *
 * <p>Shapes: B sentences per search call.
 */
public final class Translator {

    /** The default B, sentences per search call. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private final Search search;
    private final SentenceTokenizer sourceTokenizer;
    private final Vocabulary sourceVocabulary;
    private final Vocabulary targetVocabulary;
    private final Detokenizer detokenizer;
    private final int batchSize;

    private Translator(Builder builder) {
        this.search = builder.search;
        this.sourceTokenizer = builder.sourceTokenizer;
        this.sourceVocabulary = builder.sourceVocabulary;
        this.targetVocabulary = builder.targetVocabulary;
        this.detokenizer = builder.detokenizer;
        this.batchSize = builder.batchSize;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder with B = {@value #DEFAULT_BATCH_SIZE}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Translates sentences, keeping each one's best hypothesis.
     *
     * @param sentences the source sentences (an empty one translates to whatever the model says
     *     after {@code <eos>} alone)
     * @return one translation per sentence, in input order
     */
    public List<Translation> translate(List<String> sentences) {
        return translateNBest(sentences).stream().map(list -> list.get(0)).toList();
    }

    /**
     * Translates sentences, keeping every hypothesis the search returns.
     *
     * @param sentences the source sentences
     * @return for each sentence, in input order, its translations best first
     */
    public List<List<Translation>> translateNBest(List<String> sentences) {
        int n = sentences.size();
        List<EncodedPair> encoded = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> t = sourceTokenizer.tokenize(sentences.get(i));
            encoded.add(new EncodedPair(sourceVocabulary.encode(t), new int[0], i));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> encoded.get(i).sourceLength()));
        List<List<Translation>> result = new ArrayList<>(Collections.nCopies(n, null));
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < n; start += batchSize) {
                List<EncodedPair> members = new ArrayList<>();
                for (int k = start; k < Math.min(n, start + batchSize); k++) {
                    members.add(encoded.get(order[k]));
                }
                try (Seq2SeqBatch batch = Seq2SeqBatch.create(manager, members, 1, 1)) {
                    List<List<Hypothesis>> hypotheses =
                            search.search(batch.source(), batch.sourceLengths());
                    for (int k = 0; k < members.size(); k++) {
                        int index = members.get(k).index();
                        List<Translation> list = new ArrayList<>();
                        for (Hypothesis h : hypotheses.get(k)) {
                            list.add(translation(sentences.get(index), members.get(k), h));
                        }
                        result.set(index, list);
                    }
                }
            }
        }
        return result;
    }

    /**
     * Rebuilds a translation from output tokens recorded earlier, without a model: the source
     * tokens as the model saw them, the text as this translator's detokenizer writes it; the
     * hypothesis holds the token ids only (score NaN, no log-probabilities, no attention).
     *
     * @param data the data the model was trained on
     * @param source the source sentence
     * @param tokens the output tokens the model wrote, without {@code <eos>}
     * @return the translation, equal in source tokens, tokens and text to the one the model made
     */
    public static Translation recorded(TranslationData data, String source, List<String> tokens) {
        List<String> seen =
                new ArrayList<>(
                        data.sourceVocabulary()
                                .toTokens(
                                        data.sourceVocabulary()
                                                .encode(data.sourceTokenizer().tokenize(source))));
        seen.add(Vocabulary.EOS);
        Hypothesis hypothesis =
                new Hypothesis(
                        data.targetVocabulary().encode(tokens),
                        Double.NaN,
                        new float[0],
                        null,
                        true);
        return new Translation(
                source,
                seen,
                List.copyOf(tokens),
                data.casedDetokenizer().detokenize(tokens),
                hypothesis);
    }

    private Translation translation(String source, EncodedPair encoded, Hypothesis hypothesis) {
        List<String> seen = new ArrayList<>(sourceVocabulary.toTokens(encoded.source()));
        seen.add(Vocabulary.EOS);
        List<String> output = targetVocabulary.decode(hypothesis.tokens());
        return new Translation(source, seen, output, detokenizer.detokenize(output), hypothesis);
    }

    /**
     * Builds a {@link Translator}: {@code setX} for required values, {@code optX} for optional. The
     * source and target sides come either from {@link #setData} or from {@link #setSource} and
     * {@link #setTarget}.
     */
    public static final class Builder {

        private Search search;
        private SentenceTokenizer sourceTokenizer;
        private Vocabulary sourceVocabulary;
        private Vocabulary targetVocabulary;
        private Detokenizer detokenizer;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder() {}

        /**
         * Sets the search (required).
         *
         * @param search greedy, beam or sampling; {@link #translateNBest} returns every hypothesis
         *     it gives
         * @return this builder
         */
        public Builder setSearch(Search search) {
            this.search = search;
            return this;
        }

        /**
         * Sets both sides from prepared data: its source tokenizer and vocabularies, and the
         * truecasing detokenizer of its target side ({@link TranslationData#casedDetokenizer}),
         * which rejoins subword units and restores case, so that output is cased like the
         * references (as {@code translate}, {@code evaluate} and the server write it).
         *
         * @param data the data the model was trained on
         * @return this builder
         */
        public Builder setData(TranslationData data) {
            setSource(data.sourceTokenizer(), data.sourceVocabulary());
            return setTarget(data.targetVocabulary(), data.casedDetokenizer());
        }

        /**
         * Sets how source sentences become ids (required, or {@link #setData}).
         *
         * @param tokenizer the source tokenizer the model was trained with
         * @param vocabulary the source vocabulary
         * @return this builder
         */
        public Builder setSource(SentenceTokenizer tokenizer, Vocabulary vocabulary) {
            this.sourceTokenizer = tokenizer;
            this.sourceVocabulary = vocabulary;
            return this;
        }

        /**
         * Sets how output ids become text (required, or {@link #setData}).
         *
         * @param vocabulary the target vocabulary
         * @param detokenizer joins output tokens into a sentence
         * @return this builder
         */
        public Builder setTarget(Vocabulary vocabulary, Detokenizer detokenizer) {
            this.targetVocabulary = vocabulary;
            this.detokenizer = detokenizer;
            return this;
        }

        /**
         * Sets B, the sentences per search call (default {@value #DEFAULT_BATCH_SIZE}; beam search
         * runs B·K rows).
         *
         * @param batchSize B ≥ 1
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Builds the translator.
         *
         * @return the translator
         * @throws IllegalArgumentException naming the first missing or wrong value
         */
        public Translator build() {
            Preconditions.checkArgument(search != null, "search is required: call setSearch");
            Preconditions.checkArgument(
                    sourceTokenizer != null && sourceVocabulary != null,
                    "source tokenizer and vocabulary are required: call setSource or setData");
            Preconditions.checkArgument(
                    targetVocabulary != null && detokenizer != null,
                    "target vocabulary and detokenizer are required: call setTarget or"
                            + " setData");
            Preconditions.checkArgument(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
            return new Translator(this);
        }
    }
}
