package dev.seq2seq.data;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training pairs of a {@link Seq2SeqDataset} re-encoded with BPE-dropout (Provilkov,
 * Emelianenko &amp; Voita 2020): every epoch splits the same words into subword units anew, each
 * applicable merge skipped with probability {@code rate}, so the model sees many segmentations of a
 * word. Each epoch's randomness comes from the seed and the epoch number alone, so an interrupted
 * and resumed run sees the same units as an uninterrupted one.
 */
final class BpeDropoutPairs {

    private final double rate;
    private final long seed;
    private final SentenceTokenizer sourceTokenizer;
    private final SentenceTokenizer targetTokenizer;
    private final Vocabulary sourceVocabulary;
    private final Vocabulary targetVocabulary;
    private final List<List<String>> sourceWords = new ArrayList<>();
    private final List<List<String>> targetWords = new ArrayList<>();
    private final List<Integer> indices = new ArrayList<>();

    /**
     * Creates an empty set of pairs; {@link #add} fills it while the dataset is built.
     *
     * @param rate the probability of skipping each applicable merge, in (0, 1)
     * @param seed the seed the epochs' randomness derives from
     * @param sourceTokenizer the source tokenizer
     * @param targetTokenizer the target tokenizer
     * @param sourceVocabulary the source vocabulary
     * @param targetVocabulary the target vocabulary
     * @throws IllegalArgumentException if a tokenizer has no subwords or the rate is outside (0, 1)
     */
    BpeDropoutPairs(
            double rate,
            long seed,
            SentenceTokenizer sourceTokenizer,
            SentenceTokenizer targetTokenizer,
            Vocabulary sourceVocabulary,
            Vocabulary targetVocabulary) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException(
                    "the BPE-dropout rate must be in (0, 1), got " + rate);
        }
        Preconditions.checkArgument(
                sourceTokenizer.subwords() != null && targetTokenizer.subwords() != null,
                "BPE-dropout needs subword tokenizers on both sides, got "
                        + sourceTokenizer
                        + " and "
                        + targetTokenizer);
        this.rate = rate;
        this.seed = seed;
        this.sourceTokenizer = sourceTokenizer;
        this.targetTokenizer = targetTokenizer;
        this.sourceVocabulary = sourceVocabulary;
        this.targetVocabulary = targetVocabulary;
    }

    /**
     * Keeps the words of a pair the dataset kept.
     *
     * @param pair the pair
     * @param index its index in the builder's list
     */
    void add(SentencePair pair, int index) {
        sourceWords.add(sourceTokenizer.words(pair.source()));
        targetWords.add(targetTokenizer.words(pair.target()));
        indices.add(index);
    }

    /**
     * Encodes the pairs for one epoch.
     *
     * @param epoch the epoch number
     * @return the pairs, in the dataset's order, with this epoch's segmentation
     */
    List<EncodedPair> epoch(int epoch) {
        Random random = new Random(seed ^ (epoch * 0x9E3779B97F4A7C15L));
        BpeEncoder sourceEncoder = sourceTokenizer.subwords();
        BpeEncoder targetEncoder = targetTokenizer.subwords();
        List<EncodedPair> pairs = new ArrayList<>(indices.size());
        for (int i = 0; i < indices.size(); i++) {
            List<String> source = sourceEncoder.encode(sourceWords.get(i), rate, random);
            List<String> target = targetEncoder.encode(targetWords.get(i), rate, random);
            pairs.add(
                    new EncodedPair(
                            sourceVocabulary.encode(source),
                            targetVocabulary.encode(target),
                            indices.get(i)));
        }
        return pairs;
    }
}
