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
    private final BiFunction<NDManager, Seq2SeqBatch, List<Hypothesis>> search;
    private final int batchSize;

    /**
     * Creates a translator.
     *
     * @param sourceTokenizer the source tokenizer the model was trained with
     * @param sourceVocabulary the source vocabulary
     * @param targetVocabulary the target vocabulary
     * @param detokenizer joins output tokens into text
     * @param search runs a search on a batch (e.g. {@code (m, b) -> greedy.search(b.source(),
     *     b.sourceLengths())})
     * @param batchSize B, sentences per search call
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public Translator(
            SentenceTokenizer sourceTokenizer,
            Vocabulary sourceVocabulary,
            Vocabulary targetVocabulary,
            Detokenizer detokenizer,
            BiFunction<NDManager, Seq2SeqBatch, List<Hypothesis>> search,
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
                (manager, batch) -> greedy.search(batch.source(), batch.sourceLengths()),
                64);
    }

    /**
     * Translates sentences.
     *
     * @param sentences the source sentences (an empty one translates to whatever the model says
     *     after {@code <eos>} alone)
     * @return one translation per sentence, in input order
     */
    public List<Translation> translate(List<String> sentences) {
        int n = sentences.size();
        List<List<String>> tokens = new ArrayList<>(n);
        List<EncodedPair> encoded = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> t = sourceTokenizer.tokenize(sentences.get(i));
            tokens.add(t);
            encoded.add(new EncodedPair(sourceVocabulary.encode(t), new int[0], i));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> encoded.get(i).sourceLength()));
        Translation[] result = new Translation[n];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < n; start += batchSize) {
                List<EncodedPair> members = new ArrayList<>();
                for (int k = start; k < Math.min(n, start + batchSize); k++) {
                    members.add(encoded.get(order[k]));
                }
                try (Seq2SeqBatch batch = Seq2SeqBatch.create(manager, members, 1, 1)) {
                    List<Hypothesis> hypotheses = search.apply(manager, batch);
                    for (int k = 0; k < members.size(); k++) {
                        int index = members.get(k).index();
                        result[index] =
                                translation(
                                        sentences.get(index), members.get(k), hypotheses.get(k));
                    }
                }
            }
        }
        return Arrays.asList(result);
    }

    private Translation translation(String source, EncodedPair encoded, Hypothesis hypothesis) {
        List<String> seen = new ArrayList<>(sourceVocabulary.toTokens(encoded.source()));
        seen.add(Vocabulary.EOS);
        List<String> output = targetVocabulary.decode(hypothesis.tokens());
        return new Translation(source, seen, output, detokenizer.detokenize(output), hypothesis);
    }
}
