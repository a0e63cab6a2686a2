package dev.seq2seq.train;

import dev.seq2seq.data.SentencePair;
import dev.seq2seq.data.SentenceTokenizer;
import dev.seq2seq.data.Seq2SeqDataset;
import dev.seq2seq.data.ToyTasks;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;

import java.util.List;

/** The copy task as datasets and a small model configuration, shared by tests. */
final class CopyTask {
    final Vocabulary vocabulary;
    final Seq2SeqDataset train;
    final Seq2SeqDataset valid;

    CopyTask(int trainSize, int validSize) {
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

    Seq2SeqConfig config(DecoderType decoder) {
        return Seq2SeqConfig.builder()
                .setVocabularySizes(vocabulary.size(), vocabulary.size())
                .optDecoder(decoder)
                .optAttention("additive", 32)
                .optEmbeddingSize(32)
                .optHiddenSize(64)
                .optDropout(0f)
                .build();
    }
}
