package dev.seq2seq.exercises;

/**
 * What a check says about an answer. A notebook shows it by returning it from the check cell, so
 * its text is the cell's output.
 *
 * @param exercise the exercise's id, e.g. {@code 12.1}
 * @param status not answered, right or wrong
 * @param message the text to show: it never contains the expected answer
 */
public record Verdict(String exercise, Status status, String message) {

    /** Whether the answer was right. */
    public enum Status {
        /** The answer variable still holds its initial {@code null}. */
        NOT_ANSWERED,
        /** The answer is right (within the stated tolerance). */
        RIGHT,
        /** The answer is wrong; the message gives a hint. */
        WRONG
    }

    @Override
    public String toString() {
        return message;
    }
}
