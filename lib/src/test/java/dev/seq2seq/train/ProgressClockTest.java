package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressClockTest {

    /** A clock the test moves by hand, in seconds. */
    private static final class Clock {
        long nanos;

        void advance(double seconds) {
            nanos += (long) (seconds * 1e9);
        }
    }

    @Test
    void timeToGoIsTheUpdatesLeftAtTheRunsRatePlusTheValidationsLeft() {
        Clock t = new Clock();
        ProgressClock clock = new ProgressClock(1, 2, 10, 0, () -> t.nanos);
        assertTrue(Double.isNaN(clock.started().secondsToGo()), "nothing to estimate from yet");
        clock.epochStarted();
        TrainingProgress p = null;
        for (int step = 1; step <= 5; step++) {
            t.advance(1);
            p = clock.batchEnded(1, step, 2.0, 100);
        }
        assertEquals(15, p.secondsToGo(), 1e-9, "15 updates at 1 s, no validation measured yet");
        assertEquals(100, p.tokensPerSecond(), 1e-9);
        assertEquals(20, p.plannedSteps());
        assertFalse(p.timeLimited());
        for (int step = 6; step <= 10; step++) {
            t.advance(1);
            clock.batchEnded(1, step, 2.0, 100);
        }
        t.advance(5); // epoch 1's validation
        p = clock.epochEnded(1, 10);
        assertEquals(10 + 5, p.secondsToGo(), 1e-9, "epoch 2: 10 updates and one validation");
        assertEquals(15, p.elapsedSeconds(), 1e-9);
        clock.epochStarted();
        t.advance(2); // slower now: 11 updates in 12 s
        p = clock.batchEnded(2, 11, 1.5, 100);
        assertEquals(9 * 12.0 / 11 + 5, p.secondsToGo(), 1e-9);
        assertEquals(0, clock.ended(2, 11).secondsToGo());
    }

    @Test
    void aTimeLimitEndsTheEstimateWhenItComesFirst() {
        Clock t = new Clock();
        ProgressClock clock = new ProgressClock(1, 100, 10, 0.5, () -> t.nanos); // 30 s
        clock.epochStarted();
        t.advance(10);
        TrainingProgress p = clock.batchEnded(1, 1, 3.0, 50);
        assertTrue(p.timeLimited());
        assertEquals(20, p.secondsToGo(), 1e-9, "30 s of budget minus 10 s spent");
        assertEquals(1, p.epoch());
        assertEquals(100, p.lastEpoch());
    }

    @Test
    void aResumedRunCountsItsOwnEpochsAndUpdates() {
        Clock t = new Clock();
        ProgressClock clock = new ProgressClock(4, 5, 10, 0, () -> t.nanos); // epochs 4 and 5
        clock.epochStarted();
        t.advance(1);
        TrainingProgress p = clock.batchEnded(4, 1, 1.0, 10);
        assertEquals(20, p.plannedSteps());
        assertEquals(19, p.secondsToGo(), 1e-9);
    }
}
