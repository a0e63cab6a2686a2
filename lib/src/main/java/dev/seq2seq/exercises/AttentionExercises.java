package dev.seq2seq.exercises;

import ai.djl.util.Preconditions;

import dev.seq2seq.decode.Translation;

import java.util.List;

/** The exercises of notebook 04, attention. */
final class AttentionExercises {

    private AttentionExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "04.1",
                        "firstFocus",
                        "",
                        "take hypothesis().attention()[0], the first output word's weights over the"
                                + " source tokens, and the source token with the largest weight.",
                        (answer, given) ->
                                Answers.text(answer).equals(mostAttended((Translation) given, 0))),
                new Exercise(
                        "04.2",
                        "generalScoreParameters",
                        "",
                        "the general score q^T W k multiplies a query of the decoder's size by W and a"
                                + " key of the encoder's output size; count W's entries (it has no"
                                + " bias).",
                        (answer, given) -> Answers.equalsWhole(answer, 256L * 512L)),
                new Exercise(
                        "04.3",
                        "firstWeight",
                        "within 0.001",
                        "padding gets weight 0, so the softmax runs over the first three scores only.",
                        (answer, given) -> Answers.near(answer, maskedFirstWeight(), 0.001)));
    }

    /** 04.1: the source token with the largest weight in row {@code row} of the attention. */
    static String mostAttended(Translation translation, int row) {
        Preconditions.checkArgument(
                translation != null && translation.hypothesis().attention() != null,
                "exercise 04.1 needs a translation with attention");
        return sourceTokenWithLargestWeight(translation, row);
    }

    /**
     * The source token with the largest weight in row {@code row} of a translation's attention (the
     * first of equal ones), for the exercises that ask where a model looked.
     */
    static String sourceTokenWithLargestWeight(Translation translation, int row) {
        float[] weights = translation.hypothesis().attention()[row];
        int best = 0;
        for (int j = 1; j < weights.length; j++) {
            if (weights[j] > weights[best]) {
                best = j;
            }
        }
        return translation.sourceTokens().get(best);
    }

    /** 04.3: softmax of scores (2, 1, 0, 5) with the last position masked, first weight. */
    static double maskedFirstWeight() {
        double[] scores = {2, 1, 0};
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s);
        }
        return Math.exp(scores[0]) / sum;
    }
}
