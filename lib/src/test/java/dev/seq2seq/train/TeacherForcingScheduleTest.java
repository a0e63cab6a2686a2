package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

class TeacherForcingScheduleTest {

    @Test
    void valuesAtKnownSteps() {
        TeacherForcingSchedule constant = TeacherForcingSchedule.constant(0.75);
        assertEquals(0.75, constant.ratio(0));
        assertEquals(0.75, constant.ratio(1_000_000));

        TeacherForcingSchedule linear = TeacherForcingSchedule.linear(1.0, 0.5, 100);
        assertEquals(1.0, linear.ratio(0));
        assertEquals(0.75, linear.ratio(50), 1e-12);
        assertEquals(0.5, linear.ratio(100));
        assertEquals(0.5, linear.ratio(10_000)); // clamped after the ramp

        TeacherForcingSchedule sigmoid = TeacherForcingSchedule.inverseSigmoid(10);
        assertEquals(10.0 / 11, sigmoid.ratio(0), 1e-12);
        assertEquals(10 / (10 + Math.E), sigmoid.ratio(10), 1e-12);
        assertEquals(0.0, TeacherForcingSchedule.inverseSigmoid(1).ratio(Long.MAX_VALUE));
    }

    @Test
    void decayingSchedulesAreMonotoneNonIncreasing() {
        for (TeacherForcingSchedule schedule :
                List.of(
                        TeacherForcingSchedule.linear(1.0, 0.0, 500),
                        TeacherForcingSchedule.inverseSigmoid(50),
                        TeacherForcingSchedule.constant(0.3))) {
            double previous = schedule.ratio(0);
            for (long i = 1; i < 2000; i++) {
                double r = schedule.ratio(i);
                assertTrue(r <= previous, schedule + " rises at step " + i);
                assertTrue(r >= 0 && r <= 1, schedule + " leaves [0, 1] at step " + i);
                previous = r;
            }
        }
    }

    @Test
    void parseAndToStringRoundTrip() {
        for (String spec :
                List.of(
                        "constant:1.0",
                        "linear:1.0:0.5:10000",
                        "inverse-sigmoid:2000",
                        "inverse-sigmoid:12.5",
                        "constant:0.25")) {
            assertEquals(spec, TeacherForcingSchedule.parse(spec).toString());
        }
        for (TeacherForcingSchedule schedule :
                List.of(
                        TeacherForcingSchedule.constant(0.1),
                        TeacherForcingSchedule.linear(0.9, 0.2, 7),
                        TeacherForcingSchedule.inverseSigmoid(1.5))) {
            assertEquals(schedule, TeacherForcingSchedule.parse(schedule.toString()));
        }
        assertEquals(
                TeacherForcingSchedule.constant(1), TeacherForcingSchedule.parse(" constant: 1 "));
    }

    @Test
    void badSpecsNameTheProblem() {
        assertEquals(
                "bad teacher forcing schedule 'cosine:3': unknown kind 'cosine'; expected"
                        + " constant:P, linear:START:END:STEPS or inverse-sigmoid:K",
                parseError("cosine:3"));
        assertTrue(parseError("linear:1.0:0.5").contains("linear takes 3 value(s), got 2"));
        assertTrue(parseError("constant:high").contains("P is not a number: 'high'"));
        assertTrue(parseError("constant:1.5").contains("P must be in [0, 1], got 1.5"));
        assertTrue(parseError("linear:1:0:2.5").contains("STEPS is not a whole number: '2.5'"));
        assertTrue(parseError("linear:1:0:0").contains("STEPS must be >= 1, got 0"));
        assertTrue(parseError("inverse-sigmoid:0.5").contains("K must be finite and >= 1"));
        assertTrue(parseError("").contains("unknown kind ''"));
    }

    @Test
    void negativeStepIsRejected() {
        assertThrows(
                IllegalArgumentException.class, () -> TeacherForcingSchedule.constant(1).ratio(-1));
    }

    @Test
    void teacherForceDrawsWithTheScheduledProbability() {
        TeacherForcingSchedule schedule = TeacherForcingSchedule.constant(0.3);
        Random random = new Random(7);
        int forced = 0;
        for (int i = 0; i < 10_000; i++) {
            forced += schedule.teacherForce(0, random) ? 1 : 0;
        }
        assertEquals(0.3, forced / 10_000.0, 0.02);
        assertTrue(TeacherForcingSchedule.constant(1).teacherForce(5, random));
        assertTrue(!TeacherForcingSchedule.constant(0).teacherForce(5, random));
    }

    private static String parseError(String spec) {
        return assertThrows(
                        IllegalArgumentException.class, () -> TeacherForcingSchedule.parse(spec))
                .getMessage();
    }
}
