package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.model.Seq2SeqModelTest;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.nn.ForwardListener.Part;
import dev.seq2seq.nn.Seq2SeqConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ForwardClockTest {

    @ParameterizedTest
    @MethodSource("dev.seq2seq.model.Seq2SeqModelTest#configs")
    void teacherForcingIsOneLapPerPartAndStepByStepOneDecoderLapPerStep(Seq2SeqConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModelTest.model(manager, config);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = Seq2SeqModelTest.inputs(manager); // (2, 4) sources, (2, 3) targets
            ForwardClock clock = new ForwardClock();
            model.setForwardListener(clock);
            clock.forwardStarted();
            model.forward(ps, in, true);
            assertEquals(1, clock.times().laps(Part.ENCODER), config.toString());
            assertEquals(1, clock.times().laps(Part.DECODER), config.toString());
            assertEquals(1, clock.times().laps(Part.OUTPUT_PROJECTION), config.toString());
            assertEquals(
                    0, clock.times().laps(Part.LOSS), "the loss is the training step's to mark");

            clock.times().reset();
            DecoderState state = model.encode(ps, in.get(0), in.get(1), true);
            for (int t = 0; t < 3; t++) {
                state = model.step(ps, in.get(2).get(":, {}", t), state, true).state();
            }
            assertEquals(1, clock.times().laps(Part.ENCODER));
            assertEquals(3, clock.times().laps(Part.DECODER));
            assertEquals(3, clock.times().laps(Part.OUTPUT_PROJECTION));

            model.setForwardListener(ForwardListener.NONE);
            model.forward(ps, in, true);
            assertEquals(1, clock.times().laps(Part.ENCODER), "a detached clock hears nothing");
            assertEquals(3, clock.times().laps(Part.DECODER), "a detached clock hears nothing");
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
}
