package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq2seq.nn.ForwardListener.Part;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

class PhaseTimesTest {

    @Test
    void eachPhaseIsChargedTheTimeSinceThePreviousMark() {
        AtomicLong now = new AtomicLong(1_000);
        PhaseTimes<Part> times = new PhaseTimes<>(Part.class, now::get);
        now.set(500_000_000L);
        times.mark(); // the mark moves to 0.5 s
        now.set(2_000_000_000L);
        times.charge(Part.ENCODER); // 1.5 s after the mark
        now.set(2_500_000_000L);
        times.charge(Part.OUTPUT_PROJECTION); // 0.5 s after the previous charge
        now.set(2_750_000_000L);
        times.charge(Part.OUTPUT_PROJECTION); // another 0.25 s
        assertEquals(1, times.laps(Part.ENCODER));
        assertEquals(1.5, times.seconds(Part.ENCODER), 1e-12, "mark to the first charge");
        assertEquals(2, times.laps(Part.OUTPUT_PROJECTION));
        assertEquals(0.75, times.seconds(Part.OUTPUT_PROJECTION), 1e-12, "charges summed");
        assertEquals(0, times.laps(Part.DECODER));
        assertEquals(0, times.seconds(Part.DECODER));
        assertEquals(Part.values().length, times.seconds().size());
        assertEquals(1.5, times.seconds().get(Part.ENCODER), 1e-12);
        assertThrows(UnsupportedOperationException.class, () -> times.seconds().clear());
        times.reset();
        assertEquals(0, times.seconds(Part.ENCODER));
        assertEquals(0, times.laps(Part.OUTPUT_PROJECTION));
    }
}
