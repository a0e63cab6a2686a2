package dev.seq2seq.exercises;

import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * One checked exercise of a notebook: the name of the variable the student answers in, how an
 * answer is judged (against a value, a salted hash, or a value computed from what the notebook
 * passes, such as the trained model's output), the tolerance said to the student, and a hint for a
 * wrong answer. The expected answer is never part of a message.
 *
 * @param id the exercise's id, {@code NN.k} (notebook NN, exercise k)
 * @param variable the notebook variable that holds the answer, e.g. {@code stressDigits}
 * @param tolerance what counts as right, in words (e.g. {@code within 0.1}), or empty for exact
 * @param hint the hint for a wrong answer
 * @param judge whether an answer is right, given what the notebook passed (may be null)
 */
public record Exercise(
        String id,
        String variable,
        String tolerance,
        String hint,
        BiPredicate<Object, Object> judge) {

    /**
     * Judges an answer.
     *
     * @param answer the student's answer, null when not answered
     * @param given what the notebook passes for the check, e.g. a translation; may be null
     * @return the verdict
     * @throws IllegalArgumentException if the exercise needs something the notebook did not pass
     */
    public Verdict judge(Object answer, Object given) {
        if (answer == null) {
            return new Verdict(
                    id,
                    Verdict.Status.NOT_ANSWERED,
                    String.format(
                            Locale.ROOT,
                            "Exercise %s: not answered yet. Put your answer in %s above and run"
                                    + " this cell again.",
                            id,
                            variable));
        }
        boolean right;
        try {
            right = judge.test(answer, given);
        } catch (ClassCastException e) {
            return new Verdict(
                    id,
                    Verdict.Status.WRONG,
                    "Exercise " + id + ": " + variable + " has the wrong type: " + e.getMessage());
        }
        String rule = tolerance.isEmpty() ? "" : " (" + tolerance + " counts as right)";
        return right
                ? new Verdict(id, Verdict.Status.RIGHT, "Exercise " + id + ": right" + rule + ".")
                : new Verdict(
                        id,
                        Verdict.Status.WRONG,
                        "Exercise " + id + ": not quite" + rule + ". Hint: " + hint);
    }
}
