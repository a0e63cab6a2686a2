package dev.seq2seq.decode;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.Detokenizer;
import dev.seq2seq.data.EncodedPair;
import dev.seq2seq.data.SentenceTokenizer;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Translates sentences end to end: tokenize, map to ids, batch sentences of similar length, search,
 * map back to tokens and detokenize. Results come back in input order.
 */
public final class Translator {

    private final SentenceTokenizer sourceTokenizer;
    private final Vocabulary sourceVocabulary;
    private final Vocabulary targetVocabulary;
    private final Detokenizer detokenizer;
    private final BiFunction<NDManager, Seq2SeqBatch, List<List<Hypothesis>>> search;
    private final int batchSize;

    /**
     * Creates a translator.
     *
     * @param sourceTokenizer the source tokenizer the model was trained with
     * @param sourceVocabulary the source vocabulary
     * @param targetVocabulary the target vocabulary
     * @param detokenizer joins output tokens into text
     * @param search runs a search on a batch and returns, for each sentence, its hypotheses best
     *     first (e.g. {@code (m, b) -> beam.search(b.source(), b.sourceLengths())})
     * @param batchSize B, sentences per search call
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public Translator(
            SentenceTokenizer sourceTokenizer,
            Vocabulary sourceVocabulary,
            Vocabulary targetVocabulary,
            Detokenizer detokenizer,
            BiFunction<NDManager, Seq2SeqBatch, List<List<Hypothesis>>> search,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.sourceTokenizer = sourceTokenizer;
        this.sourceVocabulary = sourceVocabulary;
        this.targetVocabulary = targetVocabulary;
        this.detokenizer = detokenizer;
        this.search = search;
        this.batchSize = batchSize;
    }

    /**
     * Creates a translator that uses greedy search.
     *
     * @param greedy the greedy search
     * @param sourceTokenizer the source tokenizer
     * @param sourceVocabulary the source vocabulary
     * @param targetVocabulary the target vocabulary
     * @param detokenizer the target detokenizer
     * @return the translator, with B = 64
     */
    public static Translator greedy(
            GreedySearch greedy,
            SentenceTokenizer sourceTokenizer,
            Vocabulary sourceVocabulary,
            Vocabulary targetVocabulary,
            Detokenizer detokenizer) {
        return new Translator(
                sourceTokenizer,
                sourceVocabulary,
                targetVocabulary,
                detokenizer,
                (manager, batch) ->
                        greedy.search(batch.source(), batch.sourceLengths()).stream()
                                .map(List::of)
                                .toList(),
                64);
    }

    /**
     * Creates a translator that uses beam search; {@link #translateNBest} returns its n-best lists.
     *
     * @param beam the beam search
     * @param sourceTokenizer the source tokenizer
     * @param sourceVocabulary the source vocabulary
     * @param targetVocabulary the target vocabulary
     * @param detokenizer the target detokenizer
     * @return the translator, with B = 64 sentences (B·K hypotheses) per search
     */
    public static Translator beam(
            BeamSearch beam,
            SentenceTokenizer sourceTokenizer,
            Vocabulary sourceVocabulary,
            Vocabulary targetVocabulary,
            Detokenizer detokenizer) {
        return new Translator(
                sourceTokenizer,
                sourceVocabulary,
                targetVocabulary,
                detokenizer,
                (manager, batch) -> beam.search(batch.source(), batch.sourceLengths()),
                64);
    }

    /**
     * Creates a translator that samples (temperature, top-k, top-p; seeded).
     *
     * @param sampler the sampler
     * @param sourceTokenizer the source tokenizer
     * @param sourceVocabulary the source vocabulary
     * @param targetVocabulary the target vocabulary
     * @param detokenizer the target detokenizer
     * @return the translator, with B = 64
     */
    public static Translator sample(
            Sampler sampler,
            SentenceTokenizer sourceTokenizer,
            Vocabulary sourceVocabulary,
            Vocabulary targetVocabulary,
            Detokenizer detokenizer) {
        return new Translator(
                sourceTokenizer,
                sourceVocabulary,
                targetVocabulary,
                detokenizer,
                (manager, batch) ->
                        sampler.sample(batch.source(), batch.sourceLengths()).stream()
                                .map(List::of)
                                .toList(),
                64);
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
        List<List<Translation>> result = new ArrayList<>(java.util.Collections.nCopies(n, null));
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < n; start += batchSize) {
                List<EncodedPair> members = new ArrayList<>();
                for (int k = start; k < Math.min(n, start + batchSize); k++) {
                    members.add(encoded.get(order[k]));
                }
                try (Seq2SeqBatch batch = Seq2SeqBatch.create(manager, members, 1, 1)) {
                    List<List<Hypothesis>> hypotheses = search.apply(manager, batch);
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

    private Translation translation(String source, EncodedPair encoded, Hypothesis hypothesis) {
        List<String> seen = new ArrayList<>(sourceVocabulary.toTokens(encoded.source()));
        seen.add(Vocabulary.EOS);
        List<String> output = targetVocabulary.decode(hypothesis.tokens());
        return new Translation(source, seen, output, detokenizer.detokenize(output), hypothesis);
    }
}
