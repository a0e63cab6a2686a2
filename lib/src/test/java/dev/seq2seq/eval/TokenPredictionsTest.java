package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.EncodedPair;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.loss.TeacherForcedEvaluation;
import dev.seq2seq.loss.TokenStats;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.train.CopyTask;
import dev.seq2seq.train.EpochRecord;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.Seq2SeqTrainer;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingListener;
import dev.seq2seq.train.TrainingProgress;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class TokenPredictionsTest {

    @Test
    void paddingPositionsAreNotCounted() {
        CopyTask task = new CopyTask(0, 10);
        List<EncodedPair> pairs = task.valid.pairs();
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(3);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.LUONG));
            model.initialize(manager);
            TokenPredictions batched =
                    TokenPredictions.teacherForced(model, manager, pairs, task.vocabulary, 4);
            TokenPredictions single =
                    TokenPredictions.teacherForced(model, manager, pairs, task.vocabulary, 1);
            List<String> expected = new ArrayList<>();
            for (EncodedPair pair : pairs) {
                expected.addAll(task.vocabulary.toTokens(pair.target()));
                expected.add(Vocabulary.EOS);
            }
            assertTrue(
                    pairs.stream().mapToInt(EncodedPair::targetLength).distinct().count() > 1,
                    "the batches need padding");
            assertEquals(task.valid.targetTokens(), batched.size());
            assertEquals(expected, batched.references());
            assertEquals(single.predicted(), batched.predicted()); // padding changes nothing
            assertEquals(batched.size(), batched.predictions().size());
        }
    }

    @Test
    void trainedCopyModelPredictsAlmostEveryToken() {
        CopyTask task = new CopyTask(1500, 200);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(1);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.LUONG));
            model.initialize(manager);
            Seq2SeqTrainer.builder()
                    .setModel(model)
                    .setData(task.train, task.valid)
                    .optConfig(
                            TrainingConfig.builder()
                                    .optEpochs(8)
                                    .optLearningRate(3e-3f, 1f)
                                    .optLabelSmoothing(0f)
                                    .optPatience(0)
                                    .build())
                    .optOutput(new PrintStream(OutputStream.nullOutputStream()))
                    .build()
                    .fit(manager);
            List<EncodedPair> pairs = task.valid.pairs();
            TokenPredictions predictions =
                    TokenPredictions.teacherForced(model, manager, pairs, task.vocabulary, 64);
            TokenStats stats =
                    TeacherForcedEvaluation.of(model, manager, task.valid.pairs(), 64).stats();
            assertEquals(stats.tokens(), predictions.size());
            assertEquals(stats.accuracy(), predictions.accuracy(), 1e-12);
            assertTrue(predictions.accuracy() > 0.97, "accuracy " + predictions.accuracy());

            ClassificationReport report = predictions.report(5);
            assertEquals(6, report.labels().size());
            int sum = Arrays.stream(report.counts()).flatMapToInt(Arrays::stream).sum();
            assertEquals(predictions.size(), sum);
            assertEquals(predictions.size(), report.size());
            assertEquals(predictions.accuracy(), report.accuracy(), 0.02);
            for (ClassificationReport.ClassScore score : report.perClass()) {
                assertTrue(score.f1() > 0.9, score.toString());
            }
        }
    }

    @Test
    void trainersValidationNumbersAreTheTeacherForcedPredictions() {
        CopyTask task = new CopyTask(200, 30);
        TrainingConfig config =
                TrainingConfig.builder().optEpochs(2).optBatchSize(8).optPatience(0).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(2);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.LUONG));
            model.initialize(manager);
            List<double[]> seen = new ArrayList<>(); // validation loss, accuracy: trainer, eval
            Seq2SeqTrainer.builder()
                    .setModel(model)
                    .setData(task.train, task.valid)
                    .optConfig(config)
                    .optListener(
                            new TrainingListener() {
                                @Override
                                public void epochEnded(EpochRecord r, TrainingProgress p) {
                                    TeacherForcedEvaluation evaluation =
                                            TeacherForcedEvaluation.of(
                                                    model, manager, task.valid.pairs(), 8);
                                    TokenPredictions predictions =
                                            TokenPredictions.of(evaluation, task.vocabulary);
                                    seen.add(
                                            new double[] {
                                                r.validLoss(),
                                                r.validAccuracy(),
                                                evaluation.meanNll(),
                                                predictions.accuracy()
                                            });
                                }
                            })
                    .optOutput(new PrintStream(OutputStream.nullOutputStream()))
                    .build()
                    .fit(manager);
            assertEquals(2, seen.size());
            for (double[] epoch : seen) {
                assertEquals(epoch[0], epoch[2], 0.0, "validation loss");
                assertEquals(epoch[1], epoch[3], 0.0, "validation accuracy");
            }
            assertTrue(seen.get(0)[1] != seen.get(1)[1], "the epochs must differ");
        }
    }

    @Test
    void noPredictionsHaveNaNAccuracy() {
        assertTrue(Double.isNaN(TokenPredictions.of(List.of(), List.of()).accuracy()));
        CopyTask task = new CopyTask(0, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            TokenPredictions none =
                    TokenPredictions.teacherForced(model, manager, List.of(), task.vocabulary, 4);
            assertEquals(0, none.size());
            assertTrue(Double.isNaN(none.accuracy()));
        }
    }

    @Test
    void mostFrequentReferencesComeFirst() {
        TokenPredictions predictions =
                TokenPredictions.of(
                        List.of("b", "a", "a", "c", "b", "a"),
                        List.of("b", "a", "c", "c", "a", "a"));
        assertEquals(List.of("a", "b"), predictions.mostFrequentReferences(2));
        assertEquals(List.of("a", "b", "c"), predictions.mostFrequentReferences(10));
        assertEquals(4.0 / 6, predictions.accuracy(), 1e-12);
        ClassificationReport report = predictions.report(1);
        assertEquals(List.of("a", "<other>"), report.labels());
        assertEquals(3, report.score("<other>").support());
        assertThrows(IllegalArgumentException.class, () -> predictions.report(0));
    }

    @Test
    void predictionsOverClassesPoolTheOtherTokens() {
        TokenPredictions predictions =
                TokenPredictions.of(List.of("a", "b", "c"), List.of("a", "c", "d"));
        assertEquals(
                List.of("a", "b", "<other>"),
                predictions.predictions(List.of("a", "b")).stream()
                        .map(p -> p.getExample().getOutput().getLabel())
                        .toList());
        assertEquals(
                List.of("a", "<other>", "<other>"),
                predictions.predictions(List.of("a", "b")).stream()
                        .map(p -> p.getOutput().getLabel())
                        .toList());
        assertEquals("d", predictions.predictions().get(2).getOutput().getLabel());
    }

    @Test
    void misalignedListsNameBothSizes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TokenPredictions.of(List.of("a", "b", "c"), List.of("a", "b")));
        assertEquals(
                "need as many predictions as references, got 3 references and 2 predictions",
                e.getMessage());
    }

    @Test
    void vocabularyMustMatchTheModel() {
        CopyTask task = new CopyTask(0, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            Vocabulary small = Vocabulary.builder().build();
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    TokenPredictions.teacherForced(
                                            model, manager, task.valid.pairs(), small, 4));
            assertEquals(
                    "target vocabulary has 4 tokens but the model predicts "
                            + task.vocabulary.size(),
                    e.getMessage());
        }
    }
}
