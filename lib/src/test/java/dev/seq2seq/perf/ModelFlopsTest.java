package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.perf.ModelFlops.Block;

import org.junit.jupiter.api.Test;

class ModelFlopsTest {

    private static final Seq2SeqConfig CONFIG =
            Seq2SeqConfig.builder()
                    .setVocabularySizes(30, 20)
                    .optEmbeddingSize(4)
                    .optHiddenSize(6)
                    .optAttention("additive", 5)
                    .build();

    @Test
    void plusAddsEveryBlockAndEveryCount() {
        BatchShape first = new BatchShape(2, 5, 4, 7, 6);
        BatchShape second = new BatchShape(3, 6, 3, 10, 8);
        ModelFlops a = FlopCount.of(CONFIG, first);
        ModelFlops b = FlopCount.of(CONFIG, second);
        ModelFlops sum = ModelFlops.ZERO.plus(a).plus(b);
        for (Block block : Block.values()) {
            assertEquals(
                    a.block(block).forward() + b.block(block).forward(),
                    sum.block(block).forward());
            assertEquals(
                    a.block(block).backward() + b.block(block).backward(),
                    sum.block(block).backward());
        }
        assertEquals(a.total() + b.total(), sum.total());
        assertEquals(2, sum.batches());
        assertEquals(5, sum.sentences());
        assertEquals(17, sum.sourceTokens());
        assertEquals(14, sum.targetTokens());
        assertEquals(2 * 5 + 3 * 6, sum.sourcePositions());
        assertEquals(2 * 4 + 3 * 3, sum.targetPositions());
    }

    @Test
    void sharesSumToOne() {
        ModelFlops flops = FlopCount.of(CONFIG, new BatchShape(2, 5, 4, 7, 6));
        double sum = 0;
        for (Block block : Block.values()) {
            double share = flops.share(block);
            assertTrue(share >= 0 && share <= 1, block.label());
            sum += share;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(flops.forward() + flops.backward(), flops.total());
    }

    @Test
    void zeroHasNoTokensAndNoMeanBatch() {
        assertTrue(Double.isNaN(ModelFlops.ZERO.perTargetToken(0)));
        assertTrue(Double.isNaN(ModelFlops.ZERO.share(Block.ENCODER)));
        assertThrows(IllegalStateException.class, ModelFlops.ZERO::meanBatch);
    }

    @Test
    void meanBatchOfEqualBatchesIsThatBatch() {
        BatchShape batch = new BatchShape(4, 6, 5, 18, 15);
        ModelFlops one = FlopCount.of(CONFIG, batch);
        assertEquals(batch, one.plus(one).plus(one).meanBatch());
        BatchShape other = new BatchShape(4, 8, 7, 18, 15);
        BatchShape mean = one.plus(FlopCount.of(CONFIG, other)).meanBatch();
        assertEquals(4, mean.batchSize());
        assertEquals(7, mean.sourceSteps());
        assertEquals(6, mean.targetSteps());
    }

    @Test
    void labelsReadAsWords() {
        assertEquals("output projection", Block.OUTPUT_PROJECTION.label());
        assertEquals("decoder cell", Block.DECODER_CELL.label());
    }
}
