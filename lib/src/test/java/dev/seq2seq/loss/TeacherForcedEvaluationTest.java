package dev.seq2seq.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.EncodedPair;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.train.CopyTask;
import dev.seq2seq.train.Seeds;

import org.junit.jupiter.api.Test;

import java.util.List;

class TeacherForcedEvaluationTest {

    @Test
    void paddingIsNotCountedAndBatchSizeChangesNothing() {
        CopyTask task = new CopyTask(0, 10);
        List<EncodedPair> pairs = task.valid.pairs();
        assertTrue(
                pairs.stream().mapToInt(EncodedPair::targetLength).distinct().count() > 1,
                "the batches need padding");
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(3);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.LUONG));
            model.initialize(manager);
            TeacherForcedEvaluation single = TeacherForcedEvaluation.of(model, manager, pairs, 1);
            int[] expected = new int[(int) task.valid.targetTokens()];
            int at = 0;
            for (EncodedPair pair : pairs) {
                for (int id : pair.target()) {
                    expected[at++] = id;
                }
                expected[at++] = Vocabulary.EOS_ID;
            }
            for (int batchSize : new int[] {1, 3, 10}) {
                TeacherForcedEvaluation e =
                        TeacherForcedEvaluation.of(model, manager, pairs, batchSize);
                String name = "batch size " + batchSize;
                assertEquals(task.valid.targetTokens(), e.tokens(), name);
                assertArrayEquals(expected, e.referenceIds(), name);
                assertArrayEquals(single.predictedIds(), e.predictedIds(), name);
                assertEquals(single.stats().correct(), e.stats().correct(), name);
                assertEquals(single.meanNll(), e.meanNll(), 1e-5 * single.meanNll(), name);
                assertEquals(correct(e) / (double) e.tokens(), e.accuracy(), 1e-15, name);
            }
            assertTrue(single.meanNll() > 0 && single.perplexity() > 1);
            assertEquals(Math.exp(single.meanNll()), single.perplexity(), 1e-12);
        }
    }

    @Test
    void noPairsGiveNoTokensAndNaNStatistics() {
        CopyTask task = new CopyTask(0, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            TeacherForcedEvaluation e = TeacherForcedEvaluation.of(model, manager, List.of(), 4);
            assertEquals(0, e.tokens());
            assertEquals(0, e.referenceIds().length);
            assertEquals(0, e.predictedIds().length);
            assertTrue(Double.isNaN(e.meanNll()));
            assertTrue(Double.isNaN(e.perplexity()));
            assertTrue(Double.isNaN(e.accuracy()));
            IllegalArgumentException bad =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> TeacherForcedEvaluation.of(model, manager, List.of(), 0));
            assertEquals("batch size must be >= 1, got 0", bad.getMessage());
        }
    }

    /** Counts the positions whose predicted id is the reference id, on the host. */
    private static long correct(TeacherForcedEvaluation e) {
        int[] references = e.referenceIds();
        int[] predicted = e.predictedIds();
        long correct = 0;
        for (int i = 0; i < references.length; i++) {
            correct += references[i] == predicted[i] ? 1 : 0;
        }
        return correct;
    }
}
