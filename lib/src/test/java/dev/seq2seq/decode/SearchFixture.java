package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.Seeds;

/** Tiny randomly initialised models and a padded batch for the search tests. */
final class SearchFixture {

    /** Source ids of four sentences of different lengths, {@code <eos>} = 3, padded with 0. */
    private static final long[][] SENTENCES = {
        {5, 6, 7, 8, 3}, {9, 10, 3, 0, 0}, {11, 3, 0, 0, 0}, {12, 13, 14, 3, 0}
    };

    /** The valid lengths of {@link #SENTENCES}. */
    static final long[] LENGTHS = {5, 3, 2, 4};

    private SearchFixture() {}

    /**
     * Returns a seeded model with source vocabulary 15, E = H = 8 and a general attention score.
     */
    static Seq2SeqModel model(NDManager manager, DecoderType decoder, int targetVocabulary) {
        Seeds.seedEverything(4);
        Seq2SeqModel model =
                Seq2SeqModel.create(
                        Seq2SeqConfig.builder()
                                .setVocabularySizes(15, targetVocabulary)
                                .optEmbeddingSize(8)
                                .optHiddenSize(8)
                                .optDecoder(decoder)
                                .optAttention("general", 8)
                                .build());
        model.initialize(manager);
        return model;
    }

    /** Returns a seeded two-layer Transformer with source vocabulary 15, D = 8 and h = 2. */
    static Seq2SeqModel transformer(NDManager manager, int targetVocabulary) {
        Seeds.seedEverything(4);
        Seq2SeqModel model =
                Seq2SeqModel.create(
                        Seq2SeqConfig.builder()
                                .setVocabularySizes(15, targetVocabulary)
                                .optArchitecture(Architecture.TRANSFORMER)
                                .optModelSize(8)
                                .optHeads(2)
                                .optFeedForwardSize(16)
                                .optTransformerLayers(2, 2)
                                .build());
        model.initialize(manager);
        return model;
    }

    /** Returns the batch source (4, 5). */
    static NDArray source(NDManager manager) {
        long[] flat = new long[SENTENCES.length * 5];
        for (int i = 0; i < SENTENCES.length; i++) {
            System.arraycopy(SENTENCES[i], 0, flat, i * 5, 5);
        }
        return manager.create(flat, new Shape(SENTENCES.length, 5));
    }

    /** Returns the valid lengths (4), {@code <eos>} included. */
    static NDArray lengths(NDManager manager) {
        return manager.create(LENGTHS);
    }

    /** Returns sentence {@code i} alone, unpadded (1, S_i). */
    static NDArray sourceOf(NDManager manager, int i) {
        int length = (int) LENGTHS[i];
        long[] ids = new long[length];
        System.arraycopy(SENTENCES[i], 0, ids, 0, length);
        return manager.create(ids, new Shape(1, length));
    }

    /** Returns the length of sentence {@code i} as a (1) array. */
    static NDArray lengthOf(NDManager manager, int i) {
        return manager.create(new long[] {LENGTHS[i]});
    }
}
