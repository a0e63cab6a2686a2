package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed, ordered set of token classes for an error analysis: the classes chosen by the caller, in
 * their given order, then {@link #OTHER}, which pools every other token so that a confusion matrix
 * over a vocabulary of thousands stays small.
 */
public final class TokenClasses {

    /**
     * The class of every token outside the chosen classes. Written like the reserved tokens ({@code
     * <unk>}, {@code <eos>}) so that it cannot be confused with a word such as English "other".
     */
    public static final String OTHER = "<other>";

    private final List<String> labels;
    private final Map<String, Integer> index;

    private TokenClasses(List<String> labels) {
        this.labels = labels;
        this.index = new HashMap<>();
        for (String label : labels) {
            index.put(label, index.size());
        }
    }

    /**
     * Creates the classes.
     *
     * @param classes the tokens to keep apart, distinct, in the order the labels should have
     * @return the classes, labelled {@code classes} then {@link #OTHER}
     * @throws IllegalArgumentException if {@code classes} is empty, repeats a token or contains
     *     {@link #OTHER}
     */
    public static TokenClasses of(List<String> classes) {
        Preconditions.checkArgument(!classes.isEmpty(), "need at least one class");
        Preconditions.checkArgument(
                classes.stream().distinct().count() == classes.size(),
                "classes must be distinct, got " + classes);
        Preconditions.checkArgument(
                !classes.contains(OTHER), OTHER + " is added to the classes, do not pass it");
        List<String> labels = new ArrayList<>(classes);
        labels.add(OTHER);
        return new TokenClasses(List.copyOf(labels));
    }

    /**
     * Returns the labels: the classes as given, then {@link #OTHER}.
     *
     * @return the L labels, in the order of the rows and columns of a confusion matrix
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the class of a token.
     *
     * @param token any token
     * @return the token itself if it is one of the classes, else {@link #OTHER}
     */
    public String classOf(String token) {
        return index.containsKey(token) ? token : OTHER;
    }

    /**
     * Returns the position of a token's class among the labels.
     *
     * @param token any token
     * @return the index in {@link #labels()} of {@link #classOf}{@code (token)}, in [0, L)
     */
    public int indexOf(String token) {
        return index.getOrDefault(token, labels.size() - 1);
    }

    /**
     * Returns the class of each token.
     *
     * @param tokens the tokens
     * @return {@link #classOf} of each token, in order
     */
    public List<String> classify(List<String> tokens) {
        List<String> result = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            result.add(classOf(token));
        }
        return result;
    }
}
