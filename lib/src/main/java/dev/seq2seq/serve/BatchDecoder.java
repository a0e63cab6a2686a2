package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.store.TrainedModel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translates a batch of sentences with one search setting: what {@link BatchingTranslator}'s worker
 * calls once per group of requests. {@link #of} wraps a model; tests substitute a fake.
 */
@FunctionalInterface
public interface BatchDecoder {

    /**
     * Translates sentences.
     *
     * @param sentences the source sentences
     * @param settings the search settings
     * @return for each sentence, in input order, its hypotheses best first (at most {@code
     *     settings.nbest()})
     */
    List<List<Translation>> decode(List<String> sentences, SearchSettings settings);

    /**
     * Returns a decoder over a trained model: one {@link Translator} per search setting, built on
     * first use, each searching up to {@code batchSize} sentences per call.
     *
     * @param trained the model with its vocabularies and languages
     * @param batchSize B, the sentences per search call
     * @return the decoder
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    static BatchDecoder of(TrainedModel trained, int batchSize) {
        Preconditions.checkArgument(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
        Map<SearchSettings, Translator> translators = new ConcurrentHashMap<>();
        return (sentences, settings) ->
                translators
                        .computeIfAbsent(
                                settings,
                                s ->
                                        Translator.builder()
                                                .setSearch(s.search(trained.model()))
                                                .setSource(
                                                        trained.sourceTokenizer(),
                                                        trained.sourceVocabulary())
                                                .setTarget(
                                                        trained.targetVocabulary(),
                                                        trained.detokenizer())
                                                .optBatchSize(batchSize)
                                                .build())
                        .translateNBest(sentences);
    }
}
