package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoamScheduleTest {

    /** The paper's formula, section 5.3. */
    private static double paper(double factor, int d, int warmup, int step) {
        return factor
                * Math.pow(d, -0.5)
                * Math.min(Math.pow(step, -0.5), step * Math.pow(warmup, -1.5));
    }

    @Test
    void valuesFollowThePapersFormula() {
        NoamSchedule schedule = NoamSchedule.paper(1, 512, 4000);
        for (int step : new int[] {1, 10, 100, 3999, 4000, 4001, 10_000, 100_000}) {
            assertEquals(
                    paper(1, 512, 4000, step), schedule.getNewValue(step), 1e-9, "step " + step);
        }
        // the paper's peak: 512^-0.5 · 4000^-0.5 = 7.0e-4 at step 4000
        assertEquals(6.988e-4, schedule.peak(), 1e-6);
        assertEquals(schedule.peak(), schedule.getNewValue(4000), 1e-9);
        assertEquals(schedule.getNewValue(1), schedule.getNewValue(0), 0.0);
        NoamSchedule annotated = NoamSchedule.paper(2, 64, 400);
        assertEquals(paper(2, 64, 400, 250), annotated.getNewValue(250), 1e-9);
    }

    @Test
    void thePeakParameterisationWarmsUpLinearlyAndDecaysAsInverseSquareRoot() {
        NoamSchedule schedule = NoamSchedule.ofPeak(1e-3f, 100);
        assertEquals(1e-5, schedule.getNewValue(1), 1e-9);
        assertEquals(5e-4, schedule.getNewValue(50), 1e-9);
        assertEquals(1e-3, schedule.getNewValue(100), 1e-9);
        assertEquals(5e-4, schedule.getNewValue(400), 1e-9); // 1e-3 · (100 / 400)^0.5
        assertTrue(schedule.getNewValue(401) < schedule.getNewValue(400));
        assertThrows(IllegalArgumentException.class, () -> NoamSchedule.ofPeak(1e-3f, 0));
        assertThrows(IllegalArgumentException.class, () -> NoamSchedule.ofPeak(0f, 10));
    }
}
