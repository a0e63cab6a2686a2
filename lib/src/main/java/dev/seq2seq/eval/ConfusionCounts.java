package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import java.util.List;

/**
 * The confusion matrix of aligned reference and predicted tokens over {@link TokenClasses}: L x L
 * counts whose rows are reference classes and columns predicted classes, both in the order of
 * {@link TokenClasses#labels()} (L labels). Counted here rather than read from Tribuo's {@code
 * LabelConfusionMatrix}, which is the transpose, follows a hash order, and would have to be mutated
 * to print in ours.
 */
public final class ConfusionCounts {

    private final List<String> labels;
    private final int[][] counts;
    private final int total;

    private ConfusionCounts(List<String> labels, int[][] counts, int total) {
        this.labels = labels;
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts the (reference class, predicted class) pairs.
     *
     * @param classes the classes; tokens outside them count as {@link TokenClasses#OTHER}
     * @param references the reference (true) token of each prediction
     * @param predicted the predicted token of each prediction, aligned with {@code references}
     * @return the counts; all zero if the lists are empty
     * @throws IllegalArgumentException if the lists differ in size, naming both sizes
     */
    public static ConfusionCounts of(
            TokenClasses classes, List<String> references, List<String> predicted) {
        AlignedTokens.requireSameSize(
                "references", references.size(), "predictions", predicted.size());
        int n = classes.labels().size();
        int[][] counts = new int[n][n];
        for (int i = 0; i < references.size(); i++) {
            counts[classes.indexOf(references.get(i))][classes.indexOf(predicted.get(i))]++;
        }
        return new ConfusionCounts(classes.labels(), counts, references.size());
    }

    /**
     * Returns the labels of the rows and columns.
     *
     * @return the L labels, {@link TokenClasses#OTHER} last
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the counts.
     *
     * @return a new L x L matrix: {@code counts[r][c]} is the number of predictions whose reference
     *     is label r and whose prediction is label c
     */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            copy[r] = counts[r].clone();
        }
        return copy;
    }

    /**
     * Returns one cell.
     *
     * @param reference a label, the reference class
     * @param predicted a label, the predicted class
     * @return the number of predictions of {@code predicted} whose reference is {@code reference}
     * @throws IllegalArgumentException if either is not one of {@link #labels()}
     */
    public int count(String reference, String predicted) {
        return counts[row(reference)][row(predicted)];
    }

    /**
     * Returns the support of a class, the number of predictions whose reference is that class.
     *
     * @param label one of {@link #labels()}
     * @return the sum of its row
     * @throws IllegalArgumentException if the label is not one of {@link #labels()}
     */
    public int support(String label) {
        int sum = 0;
        for (int count : counts[row(label)]) {
            sum += count;
        }
        return sum;
    }

    /**
     * Returns the number of predictions.
     *
     * @return the sum of all counts
     */
    public int total() {
        return total;
    }

    private int row(String label) {
        int r = labels.indexOf(label);
        Preconditions.checkArgument(r >= 0, "'" + label + "' is not one of the labels " + labels);
        return r;
    }
}
