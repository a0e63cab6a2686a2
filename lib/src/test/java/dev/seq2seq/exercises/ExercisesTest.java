package dev.seq2seq.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.decode.Hypothesis;
import dev.seq2seq.decode.Translation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every exercise's check accepts the right answer, rejects a wrong one, says "not answered yet"
 * before an answer, and never prints the answer.
 */
class ExercisesTest {

    /** The cases: id, the right answer, a wrong answer, what the notebook passes. */
    static Stream<Arguments> cases() {
        List<ReferenceGroup> test =
                List.of(
                        new ReferenceGroup("either", List.of("IY DH ER", "AY DH ER")),
                        new ReferenceGroup("box", List.of("B AA K S")),
                        new ReferenceGroup("route", List.of("R UW T", "R AW T")));
        Translation laugh =
                new Translation(
                        "laugh",
                        List.of("l", "a", "u", "g", "h", "<eos>"),
                        List.of("L", "AE", "F"),
                        "L AE F",
                        new Hypothesis(
                                new int[] {4, 5, 6},
                                -0.5,
                                new float[] {-0.1f, -0.1f, -0.2f, -0.1f},
                                new float[][] {
                                    {0.9f, 0.05f, 0.05f, 0, 0, 0},
                                    {0, 0.8f, 0.2f, 0, 0, 0},
                                    {0, 0, 0, 0.3f, 0.7f, 0},
                                    {0, 0, 0, 0, 0, 1}
                                },
                                true));
        return Stream.of(
                Arguments.of("12.1", 2, 3, test),
                Arguments.of("12.2", 20.0, 25.0, null),
                Arguments.of("12.3", "h", "g", laugh));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCheckAcceptsTheRightAnswerAndRejectsAWrongOne(
            String id, Object right, Object wrong, Object given) {
        Verdict none = Exercises.check(id, null, given);
        assertEquals(Verdict.Status.NOT_ANSWERED, none.status());
        assertTrue(none.message().contains("not answered yet"), none.message());
        Verdict yes = Exercises.check(id, right, given);
        assertEquals(Verdict.Status.RIGHT, yes.status(), yes.message());
        Verdict no = Exercises.check(id, wrong, given);
        assertEquals(Verdict.Status.WRONG, no.status(), no.message());
        assertTrue(no.message().contains("Hint:"), no.message());
        for (Verdict v : List.of(none, yes, no)) {
            assertFalse(
                    v.message().contains(" " + right + " ") || v.message().endsWith(" " + right),
                    "the message must not show the answer: " + v.message());
        }
    }

    @Test
    void everyExerciseHasATestCase() {
        Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertEquals(Exercises.all().keySet(), tested);
    }

    @Test
    void aNumberWithinTheToleranceIsRightAndTheToleranceIsSaid() {
        assertEquals(Verdict.Status.RIGHT, Exercises.check("12.2", 20.05).status());
        Verdict off = Exercises.check("12.2", 20.2);
        assertEquals(Verdict.Status.WRONG, off.status());
        assertTrue(off.message().contains("within 0.1 of the percentage counts as right"));
        Verdict text = Exercises.check("12.2", "twenty");
        assertEquals(Verdict.Status.WRONG, text.status());
        assertTrue(text.message().contains("wrong type"), text.message());
    }

    @Test
    void anUnknownExerciseNamesTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Exercises.check("99.9", 1));
        assertTrue(e.getMessage().contains("12.1"), e.getMessage());
    }

    @Test
    void hashedAnswersCompareTrimmedAndLowerCased() {
        String hex = Answers.hash("argmax");
        assertTrue(Answers.hashes(" ArgMax ", hex));
        assertFalse(Answers.hashes("sample", hex));
    }
}
