package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.Tracker;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqModel;

import org.junit.jupiter.api.Test;

import java.util.Iterator;

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
            double firstLoss = 0;
            int afterFirst = 0;
            for (int i = 0; i < 6; i++) {
                try (Seq2SeqBatch batch = batches.next()) {
                    TokenStats stats = step.run(batch, 1.0);
                    if (i == 0) {
                        firstLoss = stats.meanNll();
                    }
                }
                if (i == 1) {
                    afterFirst = arrays(manager);
                }
            }
            assertEquals(bystanderArrays, arrays(other), "the other model's manager grew");
            assertEquals(afterFirst, arrays(manager), "the trained model's manager grew");
            assertTrue(step.seconds(TrainingStep.Phase.FORWARD) > 0);
            assertTrue(firstLoss > 0);
        }
    }

    @Test
    void gradientsDoNotAccumulateAcrossSteps() {
        CopyTask task = new CopyTask(200, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(6);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(0f + 1e-12f), 0f, 0);
            BucketSampler sampler =
                    BucketSampler.builder().setBatchSize(200).optShuffle(false).build();
            double[] norms = new double[2];
            for (int i = 0; i < 2; i++) {
                try (Seq2SeqBatch batch =
                        task.train.batches(manager, sampler, 1).iterator().next()) {
                    step.run(batch, 1.0);
                    norms[i] = GradientClipping.globalNorm(model.getParameters().values());
                }
            }
            assertEquals(
                    norms[0], norms[1], norms[0] * 1e-3, "same batch, same weights: same gradient");
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
