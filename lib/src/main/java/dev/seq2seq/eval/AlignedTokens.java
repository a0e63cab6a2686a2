package dev.seq2seq.eval;

/** Checks for lists that must be aligned one to one, such as references and predictions. */
final class AlignedTokens {

    private AlignedTokens() {}

    /**
     * Checks that two aligned lists have the same size.
     *
     * @param firstName what the first list holds, e.g. {@code references}
     * @param first its size
     * @param secondName what the second list holds, e.g. {@code predictions}
     * @param second its size
     * @throws IllegalArgumentException if the sizes differ, naming both
     */
    static void requireSameSize(String firstName, int first, String secondName, int second) {
        if (first != second) {
            throw new IllegalArgumentException(
                    "need as many "
                            + secondName
                            + " as "
                            + firstName
                            + ", got "
                            + first
                            + " "
                            + firstName
                            + " and "
                            + second
                            + " "
                            + secondName);
        }
    }
}
