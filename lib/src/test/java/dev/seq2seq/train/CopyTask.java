package dev.seq2seq.train;

import dev.seq2seq.data.SentencePair;
import dev.seq2seq.data.SentenceTokenizer;
import dev.seq2seq.data.Seq2SeqDataset;
import dev.seq2seq.data.ToyTasks;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;

import java.util.List;

/**
 * The copy task as datasets and a small model configuration, shared by tests (also of other
 * packages).
 */
public final class CopyTask {
    /** The vocabulary of both sides. */
    public final Vocabulary vocabulary;

    /** The training pairs. */
    public final Seq2SeqDataset train;

    /** The validation pairs. */
    public final Seq2SeqDataset valid;

    /**
     * Generates the pairs (8 symbols, lengths 3 to 8, seed 1).
     *
     * @param trainSize the number of training pairs
     * @param validSize the number of validation pairs
     */
    public CopyTask(int trainSize, int validSize) {
        List<SentencePair> pairs = ToyTasks.copy(trainSize + validSize, 8, 3, 8, 1);
        SentenceTokenizer ws = SentenceTokenizer.whitespace();
        vocabulary =
                Vocabulary.builder()
                        .addAll(pairs.stream().map(p -> ws.tokenize(p.source())).toList())
                        .build();
        train = dataset(pairs.subList(0, trainSize), ws);
        valid = dataset(pairs.subList(trainSize, trainSize + validSize), ws);
    }

    private Seq2SeqDataset dataset(List<SentencePair> pairs, SentenceTokenizer ws) {
        return Seq2SeqDataset.builder()
                .setPairs(pairs)
                .setTokenizers(ws, ws)
                .setVocabularies(vocabulary, vocabulary)
                .build();
    }

    /**
     * Returns a small model configuration for the task.
     *
     * @param decoder the decoder type
     * @return embedding 32, hidden 64, additive attention 32, no dropout
     */
    public Seq2SeqConfig config(DecoderType decoder) {
        return Seq2SeqConfig.builder()
                .setVocabularySizes(vocabulary.size(), vocabulary.size())
                .optDecoder(decoder)
                .optAttention("additive", 32)
                .optEmbeddingSize(32)
                .optHiddenSize(64)
                .optDropout(0f)
                .build();
    }

    /**
     * Returns a tiny Transformer for the task.
     *
     * @return D = 64, h = 4, d_ff = 128, one encoder and one decoder layer, pre-norm, sinusoidal
     *     positions, no dropout
     */
    public Seq2SeqConfig transformerConfig() {
        return Seq2SeqConfig.builder()
                .setVocabularySizes(vocabulary.size(), vocabulary.size())
                .optArchitecture(Architecture.TRANSFORMER)
                .optModelSize(64)
                .optHeads(4)
                .optFeedForwardSize(128)
                .optTransformerLayers(1, 1)
                .optDropout(0f)
                .build();
    }
}
