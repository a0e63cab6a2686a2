package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.train.CopyTask;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.StepListener;
import dev.seq2seq.train.TrainingStep;
import dev.seq2seq.train.TrainingStep.Phase;

import org.junit.jupiter.api.Test;

import java.util.Iterator;

class StepClockTest {

    @Test
    void everyStepEndsEachPhaseOnceAndADetachedClockHearsNothing() {
        CopyTask task = new CopyTask(200, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(3);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
            model.initialize(manager);
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(1e-3f), 0f, 1.0);
            StepClock clock = new StepClock();
            step.setStepListener(clock);
            BucketSampler sampler = BucketSampler.builder().setBatchSize(32).build();
            Iterator<Seq2SeqBatch> batches = task.train.batches(manager, sampler, 1).iterator();
            for (int i = 0; i < 3; i++) {
                try (Seq2SeqBatch batch = batches.next()) {
                    step.run(batch, 1.0);
                }
            }
            for (Phase phase : Phase.values()) {
                assertEquals(3, clock.times().laps(phase), phase.name());
            }
            step.setStepListener(StepListener.NONE);
            try (Seq2SeqBatch batch = batches.next()) {
                step.run(batch, 1.0);
            }
            assertEquals(3, clock.times().laps(Phase.UPDATE), "a detached clock hears nothing");
        }
    }

    @Test
    void aStepRejectsANullListener() {
        CopyTask task = new CopyTask(20, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.PLAIN));
            model.initialize(manager);
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(1e-3f), 0f, 1.0);
            NullPointerException e =
                    assertThrows(NullPointerException.class, () -> step.setStepListener(null));
            assertEquals("listener", e.getMessage());
        }
    }
}
