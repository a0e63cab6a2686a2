package dev.seq2seq.exercises;

import dev.seq2seq.data.TranslationData;

import java.util.List;

/** The exercises of notebook 09, the Transformer. */
final class TransformerExercises {

    private TransformerExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "09.1",
                        "attentionParameters",
                        "",
                        "the heads do not add parameters: the block has four (D, D) projections,"
                                + " W^Q, W^K, W^V and W^O, each with a bias of D.",
                        (answer, given) -> Answers.equalsWhole(answer, 4L * (256 * 256 + 256))),
                new Exercise(
                        "09.2",
                        "hidden",
                        "",
                        "position t may see positions 0..t; count what it may not see, for every t.",
                        (answer, given) -> Answers.equalsWhole(answer, 6 * 5 / 2)),
                new Exercise(
                        "09.3",
                        "projectionMflop",
                        "within 0.01",
                        "a (1, F) x (F, V) product has F·V terms, each a multiply and an add; V is"
                                + " the target vocabulary of words.",
                        (answer, given) ->
                                Answers.near(answer, projectionMflop(words(given)), 0.01)));
    }

    /** 09.3: the forward MFLOP of notebook 04's output projection (F = 256) per target position. */
    static double projectionMflop(TranslationData words) {
        return 2.0 * 256 * words.targetVocabulary().size() / 1e6;
    }

    private static TranslationData words(Object given) {
        if (!(given instanceof TranslationData data)) {
            throw new IllegalArgumentException("exercise 09.3 needs the word data (words)");
        }
        return data;
    }
}
