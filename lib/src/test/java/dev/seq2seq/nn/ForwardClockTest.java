package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.ForwardClock.Part;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.atomic.AtomicLong;

class ForwardClockTest {

    @ParameterizedTest
    @MethodSource("dev.seq2seq.nn.Seq2SeqModelTest#configs")
    void teacherForcingIsOneLapPerPartAndStepByStepOneDecoderLapPerStep(Seq2SeqConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModelTest.model(manager, config);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = Seq2SeqModelTest.inputs(manager); // (2, 4) sources, (2, 3) targets
            ForwardClock clock = new ForwardClock();
            clock.resume();
            long start = System.nanoTime();
            try {
                model.forward(ps, in, true);
            } finally {
                clock.pause();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            assertEquals(1, clock.laps(Part.ENCODER), config.toString());
            assertEquals(1, clock.laps(Part.DECODER), config.toString());
            assertEquals(1, clock.laps(Part.OUTPUT_PROJECTION), config.toString());
            assertEquals(0, clock.laps(Part.LOSS), "the loss is the trainer's to mark");
            double parts = clock.seconds().values().stream().mapToDouble(d -> d).sum();
            assertTrue(clock.seconds(Part.DECODER) > 0);
            assertTrue(parts <= wall, parts + " s of parts in " + wall + " s");

            clock.reset();
            clock.resume();
            try {
                DecoderState state = model.encode(ps, in.get(0), in.get(1), true);
                for (int t = 0; t < 3; t++) {
                    state = model.step(ps, in.get(2).get(":, {}", t), state, true).state();
                }
            } finally {
                clock.pause();
            }
            assertEquals(1, clock.laps(Part.ENCODER));
            assertEquals(3, clock.laps(Part.DECODER));
            assertEquals(3, clock.laps(Part.OUTPUT_PROJECTION));
        }
    }

    @Test
    void lapsChargeOnlyTheClockRunningOnThisThread() throws InterruptedException {
        AtomicLong now = new AtomicLong(1_000);
        ForwardClock clock = new ForwardClock(now::get);
        ForwardClock.lap(Part.ENCODER); // no clock runs: nothing happens
        clock.resume(); // mark at 1,000 ns
        now.set(1_250_000_000L);
        Thread other = new Thread(() -> ForwardClock.lap(Part.DECODER));
        other.start();
        other.join();
        now.set(1_500_001_000L);
        ForwardClock.lap(Part.ENCODER); // 1.5 s after the mark
        now.set(2_000_001_000L);
        ForwardClock.lap(Part.OUTPUT_PROJECTION); // 0.5 s after the previous lap
        clock.pause();
        now.set(9_000_000_000L);
        ForwardClock.lap(Part.LOSS);
        assertEquals(1, clock.laps(Part.ENCODER));
        assertEquals(1.5, clock.seconds(Part.ENCODER), 1e-12, "resume to the first lap");
        assertEquals(0.5, clock.seconds(Part.OUTPUT_PROJECTION), 1e-12, "lap to lap");
        assertEquals(0, clock.laps(Part.DECODER), "another thread's lap");
        assertEquals(0, clock.seconds(Part.DECODER), "another thread's lap");
        assertEquals(0, clock.laps(Part.LOSS), "a lap after pause");
        assertEquals(0, clock.seconds(Part.LOSS), "a lap after pause");
        clock.reset();
        assertEquals(0, clock.seconds(Part.ENCODER));
        assertEquals(0, clock.laps(Part.ENCODER));
    }

    @Test
    void aSecondClockCannotRunOnTheSameThread() {
        ForwardClock first = new ForwardClock();
        first.resume();
        try {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> new ForwardClock().resume());
            assertEquals("another ForwardClock runs on this thread", e.getMessage());
            first.resume(); // resuming the running clock restarts its mark
        } finally {
            first.pause();
        }
        ForwardClock second = new ForwardClock();
        second.resume(); // free again
        ForwardClock.lap(Part.ENCODER);
        second.pause();
        assertEquals(1, second.laps(Part.ENCODER));
        assertEquals(0, first.laps(Part.ENCODER));
    }
}
