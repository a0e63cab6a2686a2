package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.EncodedPair;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.decode.GreedySearch;
import dev.seq2seq.decode.Hypothesis;
import dev.seq2seq.loss.TeacherForcedEvaluation;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

class Seq2SeqTrainerTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    private static TrainingHistory train(
            NDManager manager, Seq2SeqModel model, CopyTask task, TrainingConfig config) {
        return Seq2SeqTrainer.builder()
                .setModel(model)
                .setData(task.train, task.valid)
                .optConfig(config)
                .optOutput(QUIET)
                .build()
                .fit(manager);
    }

    @Test
    void listenerHearsEveryUpdateAndEpochInOrder() {
        CopyTask task = new CopyTask(200, 40);
        List<String> heard = new java.util.ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(1);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
            TrainingHistory history =
                    Seq2SeqTrainer.builder()
                            .setModel(model)
                            .setData(task.train, task.valid)
                            .optConfig(
                                    TrainingConfig.builder()
                                            .optEpochs(2)
                                            .optBatchSize(50)
                                            .optPatience(0)
                                            .build())
                            .optOutput(QUIET)
                            .optListener(
                                    new TrainingListener() {
                                        @Override
                                        public void trainingStarted(TrainingProgress p) {
                                            heard.add("start " + p.plannedSteps());
                                        }

                                        @Override
                                        public void batchEnded(TrainingProgress p) {
                                            assertTrue(p.batchLoss() > 0 && p.batchTokens() > 0);
                                            heard.add("update " + p.epoch() + "." + p.step());
                                        }

                                        @Override
                                        public void epochEnded(EpochRecord r, TrainingProgress p) {
                                            heard.add("epoch " + r.epoch() + " after " + p.step());
                                        }

                                        @Override
                                        public void trainingEnded(
                                                TrainingHistory h, TrainingProgress p) {
                                            heard.add(
                                                    "end "
                                                            + h.records().size()
                                                            + " "
                                                            + p.secondsToGo());
                                        }
                                    })
                            .build()
                            .fit(manager);
            assertEquals(2, history.records().size());
        }
        assertEquals(
                List.of(
                        "start 8",
                        "update 1.1",
                        "update 1.2",
                        "update 1.3",
                        "update 1.4",
                        "epoch 1 after 4",
                        "update 2.5",
                        "update 2.6",
                        "update 2.7",
                        "update 2.8",
                        "epoch 2 after 8",
                        "end 2 0.0"),
                heard);
    }

    @Test
    void attentionModelLearnsTheCopyTask() {
        // About 10 s on the 2-core machine: well within the minute the copy task should take.
        learnCopyTask();
    }

    private void learnCopyTask() {
        CopyTask task = new CopyTask(5000, 500);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(1);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.LUONG));
            model.initialize(manager);
            TrainingConfig config =
                    TrainingConfig.builder()
                            .optEpochs(20)
                            .optLearningRate(3e-3f, 1f)
                            .optLabelSmoothing(0f)
                            .optPatience(2)
                            .build();
            TrainingHistory history = train(manager, model, task, config);
            assertTrue(
                    history.records().get(0).trainLoss()
                            > history.bestByValidLoss().orElseThrow().trainLoss());
            List<EncodedPair> pairs = task.valid.pairs();
            try (Seq2SeqBatch batch = Seq2SeqBatch.create(manager, pairs, 1, 1)) {
                List<Hypothesis> hypotheses =
                        new GreedySearch(model).best(batch.source(), batch.sourceLengths());
                long exact = 0;
                for (int i = 0; i < pairs.size(); i++) {
                    if (java.util.Arrays.equals(
                            hypotheses.get(i).tokens(), pairs.get(i).target())) {
                        exact++;
                    }
                }
                assertTrue(
                        exact >= 0.99 * pairs.size(),
                        "exact match " + exact + " of " + pairs.size());
            }
        }
    }

    @Test
    void tinyTransformerLearnsTheCopyTaskWithTheNoamSchedule() {
        // About 5-8 s on the 2-core machine (5 epochs of 157 batches)
        CopyTask task = new CopyTask(5000, 200);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(1);
            Seq2SeqModel model = Seq2SeqModel.create(task.transformerConfig());
            model.initialize(manager);
            TrainingConfig config =
                    TrainingConfig.builder()
                            .optEpochs(5)
                            .optBatchSize(32)
                            .optLearningRate(6e-3f, 1f)
                            .optLearningRateSchedule(LearningRateSchedule.NOAM, 150)
                            .optLabelSmoothing(0f)
                            .optPatience(0)
                            .build();
            TrainingHistory history = train(manager, model, task, config);
            int batches =
                    BucketSampler.builder()
                            .setBatchSize(32)
                            .optSeed(config.seed())
                            .build()
                            .batches(task.train.pairs(), 1)
                            .size(); // the updates of the first epoch
            assertEquals(
                    NoamSchedule.ofPeak(6e-3f, 150).getNewValue(batches),
                    history.records().get(0).learningRate(),
                    1e-9);
            List<EncodedPair> pairs = task.valid.pairs();
            try (Seq2SeqBatch batch = Seq2SeqBatch.create(manager, pairs, 1, 1)) {
                List<Hypothesis> hypotheses =
                        new GreedySearch(model).best(batch.source(), batch.sourceLengths());
                long exact = 0;
                for (int i = 0; i < pairs.size(); i++) {
                    if (java.util.Arrays.equals(
                            hypotheses.get(i).tokens(), pairs.get(i).target())) {
                        exact++;
                    }
                }
                assertTrue(
                        exact >= 0.97 * pairs.size(),
                        "exact match " + exact + " of " + pairs.size());
            }
        }
    }

    @Test
    void sameSeedGivesTheSameFirstEpochLoss() {
        CopyTask task = new CopyTask(600, 100);
        TrainingConfig config = TrainingConfig.builder().optEpochs(1).optSeed(11).build();
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Seeds.seedEverything(11);
                Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
                model.initialize(manager);
                losses[run] = train(manager, model, task, config).records().get(0).trainLoss();
            }
        }
        assertEquals(losses[0], losses[1], 0.0);
    }

    @Test
    void bestEpochParametersAreRestored() {
        CopyTask task = new CopyTask(300, 100);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(3);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            TrainingHistory history =
                    train(
                            manager,
                            model,
                            task,
                            TrainingConfig.builder()
                                    .optEpochs(3)
                                    .optLearningRate(0.05f, 1f)
                                    .optLabelSmoothing(0f)
                                    .optPatience(0)
                                    .build());
            double best = history.bestByValidLoss().orElseThrow().validLoss();
            double now =
                    TeacherForcedEvaluation.of(model, manager, task.valid.pairs(), 64)
                            .stats()
                            .meanNll();
            assertEquals(best, now, 1e-4);
        }
    }

    @Test
    void earlyStoppingCanFollowTheMetricAndRestoresItsBestEpoch() {
        CopyTask task = new CopyTask(300, 100);
        double[] metricByEpoch = {1, 3, 2, 1, 0};
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(3);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            int[] calls = {0};
            TrainingHistory history =
                    Seq2SeqTrainer.builder()
                            .setModel(model)
                            .setData(task.train, task.valid)
                            .optConfig(
                                    TrainingConfig.builder()
                                            .optEpochs(5)
                                            .optPatience(2)
                                            .optLearningRate(0.01f, 1f)
                                            .optLabelSmoothing(0f)
                                            .build())
                            .optValidationMetric(m -> metricByEpoch[calls[0]++])
                            .optStopOnMetric(true)
                            .optOutput(QUIET)
                            .build()
                            .fit(manager);
            assertEquals(4, history.lastEpoch(), "stops two epochs after the best metric");
            assertEquals(3.0, history.records().get(1).validMetric(), "the metric is recorded");
            EpochRecord bestLoss = history.bestByValidLoss().orElseThrow();
            assertTrue(
                    bestLoss.epoch() != 2,
                    "the loss must prefer another epoch for the test to tell them apart");
            double restored =
                    TeacherForcedEvaluation.of(model, manager, task.valid.pairs(), 64)
                            .stats()
                            .meanNll();
            assertEquals(history.records().get(1).validLoss(), restored, 1e-4);
            assertNotEquals(bestLoss.validLoss(), restored, 1e-4);
        }
    }

    @Test
    void stopOnMetricWithoutAMetricIsRejected() {
        CopyTask task = new CopyTask(20, 5);
        Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                Seq2SeqTrainer.builder()
                                        .setModel(model)
                                        .setData(task.train, task.valid)
                                        .optStopOnMetric(true)
                                        .build());
        assertTrue(e.getMessage().contains("optValidationMetric"), e.getMessage());
    }

    @Test
    void fitSeedsAndInitialisesAnUninitialisedModelAsACallerWouldHave() {
        CopyTask task = new CopyTask(300, 50);
        TrainingConfig config = TrainingConfig.builder().optEpochs(1).optSeed(13).build();
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
                if (run == 0) {
                    Seeds.seedEverything(13);
                    model.initialize(manager);
                } else {
                    Seeds.seedEverything(99); // must not matter: fit seeds before initialising
                }
                losses[run] = train(manager, model, task, config).records().get(0).trainLoss();
            }
        }
        assertEquals(losses[0], losses[1], 0.0);
    }

    @Test
    void missingDataIsNamed() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Seq2SeqTrainer.builder().build());
        assertTrue(e.getMessage().contains("setData"), e.getMessage());
    }
}
