package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

import java.util.List;

class Seq2SeqDatasetTest {

    private static final List<SentencePair> PAIRS =
            List.of(
                    new SentencePair("a b", "x", 1),
                    new SentencePair("a b c d e", "x", 2),
                    new SentencePair("a", "x y z w", 3),
                    new SentencePair("b", "y", 4));

    private static Seq2SeqDataset dataset() {
        SentenceTokenizer ws = SentenceTokenizer.whitespace();
        Vocabulary source = Vocabulary.builder().add(List.of("a", "b", "c", "d", "e")).build();
        Vocabulary target = Vocabulary.builder().add(List.of("x", "y", "z", "w")).build();
        return Seq2SeqDataset.builder()
                .setPairs(PAIRS)
                .setTokenizers(ws, ws)
                .setVocabularies(source, target)
                .optMaxLengths(3, 3)
                .build();
    }

    @Test
    void skippedPairsAreCountedNotLost() {
        Seq2SeqDataset data = dataset();
        assertEquals(2, data.size());
        assertEquals(new LengthFilterReport(4, 2, 1, 1, 3, 3), data.report());
        assertEquals(List.of(0, 3), data.pairs().stream().map(EncodedPair::index).toList());
        assertEquals(4, data.targetTokens());
        assertTrue(data.report().toString().startsWith("kept 2 of 4 pairs"));
    }

    @Test
    void batchesCoverEveryPairOnce() {
        Seq2SeqDataset data = dataset();
        BucketSampler sampler = BucketSampler.builder().setBatchSize(1).optSeed(1).build();
        int rows = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Seq2SeqBatch batch : data.batches(manager, sampler, 0)) {
                try (batch) {
                    rows += batch.getSize();
                    assertEquals(2, batch.getProgressTotal());
                }
            }
        }
        assertEquals(2, rows);
    }

    @Test
    void missingPartsAreNamed() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Seq2SeqDataset.builder().build());
        assertTrue(e.getMessage().contains("setPairs"));
    }
}
