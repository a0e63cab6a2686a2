package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.tracker.Tracker;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.model.Seq2SeqModelTest;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.nn.ForwardListener.Part;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.CopyTask;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.StepListener;
import dev.seq2seq.train.TrainingStep;
import dev.seq2seq.train.TrainingStep.Phase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Iterator;

class TrainingClockTest {

    @ParameterizedTest
    @MethodSource("dev.seq2seq.model.Seq2SeqModelTest#configs")
    void teacherForcingIsOneLapPerPartAndStepByStepOneDecoderLapPerStep(Seq2SeqConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModelTest.model(manager, config);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = Seq2SeqModelTest.inputs(manager); // (2, 4) sources, (2, 3) targets
            TrainingClock clock = new TrainingClock();
            model.setForwardListener(clock);
            clock.forwardStarted();
            model.forward(ps, in, true);
            assertEquals(1, clock.partTimes().laps(Part.ENCODER), config.toString());
            assertEquals(1, clock.partTimes().laps(Part.DECODER), config.toString());
            assertEquals(1, clock.partTimes().laps(Part.OUTPUT_PROJECTION), config.toString());
            assertEquals(
                    0,
                    clock.partTimes().laps(Part.LOSS),
                    "the loss is the training step's to mark");

            clock.partTimes().reset();
            DecoderState state = model.encode(ps, in.get(0), in.get(1), true);
            for (int t = 0; t < 3; t++) {
                state = model.step(ps, in.get(2).get(":, {}", t), state, true).state();
            }
            assertEquals(1, clock.partTimes().laps(Part.ENCODER));
            assertEquals(3, clock.partTimes().laps(Part.DECODER));
            assertEquals(3, clock.partTimes().laps(Part.OUTPUT_PROJECTION));

            model.setForwardListener(ForwardListener.NONE);
            model.forward(ps, in, true);
            assertEquals(1, clock.partTimes().laps(Part.ENCODER), "a detached clock hears nothing");
            assertEquals(3, clock.partTimes().laps(Part.DECODER), "a detached clock hears nothing");
        }
    }

    @Test
    void aModelRejectsANullListener() {
        Seq2SeqModel model =
                Seq2SeqModel.create(Seq2SeqModelTest.configs().findFirst().orElseThrow());
        assertEquals(ForwardListener.NONE, model.forwardListener(), "nobody listens by default");
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> model.setForwardListener(null));
        assertEquals("listener", e.getMessage());
    }

    @Test
    void everyStepEndsEachPhaseOnceAndADetachedClockHearsNothing() {
        CopyTask task = new CopyTask(200, 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(3);
            Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
            model.initialize(manager);
            TrainingStep step = new TrainingStep(model, manager, Tracker.fixed(1e-3f), 0f, 1.0);
            TrainingClock clock = new TrainingClock();
            step.setStepListener(clock);
            BucketSampler sampler = BucketSampler.builder().setBatchSize(32).build();
            Iterator<Seq2SeqBatch> batches = task.train.batches(manager, sampler, 1).iterator();
            for (int i = 0; i < 3; i++) {
                try (Seq2SeqBatch batch = batches.next()) {
                    step.run(batch, 1.0);
                }
            }
            for (Phase phase : Phase.values()) {
                assertEquals(3, clock.phaseTimes().laps(phase), phase.name());
            }
            step.setStepListener(StepListener.NONE);
            try (Seq2SeqBatch batch = batches.next()) {
                step.run(batch, 1.0);
            }
            assertEquals(
                    3, clock.phaseTimes().laps(Phase.UPDATE), "a detached clock hears nothing");
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
