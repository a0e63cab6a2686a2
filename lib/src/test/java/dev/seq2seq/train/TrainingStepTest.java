package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.loss.MaskedCrossEntropyLoss;
import dev.seq2seq.loss.TokenStats;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.ForwardListener;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

class TrainingStepTest {

    private static int arrays(NDManager manager) {
        return ((ai.djl.ndarray.BaseNDManager) manager).getManagedArrays().size();
    }

    @Test
    void stepsLeaveNoArraysBehindEvenWithAnotherModelAlive() {
        CopyTask task = new CopyTask(400, 10);
        try (NDManager manager = NDManager.newBaseManager();
                NDManager other = NDManager.newBaseManager()) {
            Seeds.seedEverything(5);
            Seq2SeqModel bystander = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
            bystander.initialize(other);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.LUONG));
            model.initialize(manager);
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(1e-3f), 0.1f, 1.0);
            BucketSampler sampler = BucketSampler.builder().setBatchSize(32).build();
            Iterator<Seq2SeqBatch> batches = task.train.batches(manager, sampler, 1).iterator();
            int bystanderArrays = arrays(other);
            int afterFirst = 0;
            for (int i = 0; i < 6; i++) {
                try (Seq2SeqBatch batch = batches.next()) {
                    step.run(batch, 1.0);
                }
                if (i == 1) {
                    afterFirst = arrays(manager);
                }
            }
            assertEquals(bystanderArrays, arrays(other), "the other model's manager grew");
            assertEquals(afterFirst, arrays(manager), "the trained model's manager grew");
        }
    }

    @Test
    void statisticsAreThoseOfASeparateForwardBeforeTheUpdateAndEveryParameterMoves() {
        CopyTask task = new CopyTask(200, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(8);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
            model.initialize(manager); // dropout 0: training and inference forwards agree
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(1e-2f), 0.1f, 1.0);
            BucketSampler sampler =
                    BucketSampler.builder().setBatchSize(64).optShuffle(false).build();
            List<float[]> before = new ArrayList<>();
            for (Parameter p : model.getParameters().values()) {
                before.add(p.getArray().toFloatArray());
            }
            try (Seq2SeqBatch batch = task.train.batches(manager, sampler, 1).iterator().next()) {
                NDList labels = new NDList(batch.targetOutput(), batch.targetLengths());
                NDList logits =
                        model.forward(
                                new ParameterStore(manager, false),
                                new NDList(
                                        batch.source(), batch.sourceLengths(), batch.targetInput()),
                                false);
                TokenStats expected = MaskedCrossEntropyLoss.tokenStats(labels, logits);
                List<String> heard = new ArrayList<>();
                model.setForwardListener(
                        new ForwardListener() {
                            @Override
                            public void forwardStarted() {
                                heard.add("started");
                            }

                            @Override
                            public void partEnded(ForwardListener.Part part) {
                                heard.add(part.name());
                            }
                        });
                step.setStepListener(
                        new StepListener() {
                            @Override
                            public void stepStarted() {
                                heard.add("step");
                            }

                            @Override
                            public void phaseEnded(TrainingStep.Phase phase) {
                                heard.add(phase.name());
                            }
                        });
                TokenStats actual = step.run(batch, 1.0);
                assertEquals(expected.tokens(), actual.tokens());
                assertEquals(expected.correct(), actual.correct());
                assertEquals(expected.nllSum(), actual.nllSum(), 1e-4 * expected.nllSum());
                assertEquals(
                        List.of(
                                "step",
                                "started",
                                "ENCODER",
                                "DECODER",
                                "OUTPUT_PROJECTION",
                                "LOSS",
                                "FORWARD",
                                "BACKWARD",
                                "CLIP",
                                "UPDATE"),
                        heard,
                        "the step starts the forward pass, ends its loss, then each phase in turn");
                step.setStepListener(StepListener.NONE);
                model.setForwardListener(ForwardListener.NONE);
            }
            int i = 0;
            for (Parameter p : model.getParameters().values()) {
                assertFalse(
                        Arrays.equals(before.get(i++), p.getArray().toFloatArray()),
                        p.getName() + " did not change");
            }
        }
    }

    @Test
    void gradientsDoNotAccumulateAcrossSteps() {
        CopyTask task = new CopyTask(200, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(6);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            // a learning rate of almost 0 and a clip norm never reached: the weights stay put
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(1e-12f), 0f, 1e9);
            BucketSampler sampler =
                    BucketSampler.builder().setBatchSize(200).optShuffle(false).build();
            double[] norms = new double[3];
            for (int i = 0; i < norms.length; i++) {
                try (Seq2SeqBatch batch =
                        task.train.batches(manager, sampler, 1).iterator().next()) {
                    step.run(batch, 1.0);
                    norms[i] = step.lastGradientNorm();
                }
                // the update leaves every gradient at zero (DJL's Adam on PyTorch zeroes it)
                assertEquals(0.0, GradientClipping.globalNorm(model.getParameters().values()));
            }
            assertTrue(norms[0] > 0, "no gradient");
            for (int i = 1; i < norms.length; i++) {
                assertEquals(
                        norms[0], norms[i], norms[0] * 1e-4, "same batch, same weights: same norm");
            }
        }
    }

    @Test
    void theUpdateIsThatOfDjlsParameterStore() {
        CopyTask task = new CopyTask(200, 10);
        BucketSampler sampler = BucketSampler.builder().setBatchSize(64).optShuffle(false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(9);
            Seq2SeqModel ours = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
            ours.initialize(manager);
            Seeds.seedEverything(9);
            Seq2SeqModel reference = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
            reference.initialize(manager);
            TrainingStep step = new TrainingStep(ours, manager, Tracker.fixed(1e-2f), 0f, 0);
            ParameterStore ps = new ParameterStore(manager, false);
            ps.setParameterServer(
                    new LocalParameterServer(
                            Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-2f)).build()),
                    new Device[] {manager.getDevice()});
            MaskedCrossEntropyLoss loss = MaskedCrossEntropyLoss.builder().build();
            for (int i = 0; i < 2; i++) { // the second update uses the moments of the first
                try (Seq2SeqBatch batch =
                        task.train.batches(manager, sampler, 1).iterator().next()) {
                    step.run(batch, 1.0);
                    try (GradientCollector collector =
                            Engine.getInstance().newGradientCollector()) {
                        NDList logits =
                                reference.forward(
                                        ps,
                                        new NDList(
                                                batch.source(),
                                                batch.sourceLengths(),
                                                batch.targetInput()),
                                        true);
                        collector.backward(
                                loss.evaluate(
                                        new NDList(batch.targetOutput(), batch.targetLengths()),
                                        logits));
                    }
                    ps.updateAllParameters();
                }
            }
            List<Parameter> a = ours.getParameters().values();
            List<Parameter> b = reference.getParameters().values();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(
                        b.get(i).getArray().toFloatArray(),
                        a.get(i).getArray().toFloatArray(),
                        1e-6f,
                        a.get(i).getName());
            }
        }
    }

    @Test
    void updateWithANonFiniteGradientIsSkippedAndTheNextStepTrainsNormally() {
        CopyTask task = new CopyTask(200, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(7);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(1e-2f), 0f, 1.0);
            BucketSampler sampler =
                    BucketSampler.builder().setBatchSize(200).optShuffle(false).build();
            NDArray embedding = model.getParameters().values().get(0).getArray(); // (V, E)
            NDIndex eos = new NDIndex("3, 0"); // in every source sentence
            float saved = embedding.get(eos).getFloat();
            embedding.set(eos, Float.POSITIVE_INFINITY); // one overflowed weight
            float[] before = model.getParameters().values().get(1).getArray().toFloatArray();
            try (Seq2SeqBatch batch = task.train.batches(manager, sampler, 1).iterator().next()) {
                step.run(batch, 1.0);
            }
            assertEquals(1, step.skippedUpdates());
            assertArrayEquals(
                    before,
                    model.getParameters().values().get(1).getArray().toFloatArray(),
                    "a skipped update must leave the parameters unchanged");
            embedding.set(eos, saved);
            try (Seq2SeqBatch batch = task.train.batches(manager, sampler, 1).iterator().next()) {
                step.run(batch, 1.0);
            }
            assertEquals(1, step.skippedUpdates(), "the NaN gradients were not cleared");
            for (Parameter p : model.getParameters().values()) {
                for (float x : p.getArray().toFloatArray()) {
                    assertTrue(Float.isFinite(x), p.getName() + " is not finite");
                }
            }
        }
    }
}
