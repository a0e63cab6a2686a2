package dev.seq2seq.exercises;

import ai.djl.util.Preconditions;

import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.eval.PronunciationErrors;

import java.util.Arrays;
import java.util.List;

/** The exercises of notebook 12, spelling to sound. */
final class SpellingToSoundExercises {

    private SpellingToSoundExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "12.1",
                        "severalPronunciations",
                        "",
                        "count the test words (data.testReferences()) whose group holds more than"
                                + " one reference.",
                        (answer, given) ->
                                Answers.equalsWhole(answer, severalPronunciations(given))),
                new Exercise(
                        "12.2",
                        "perByHand",
                        "within 0.1 of the percentage",
                        "for each word, count the edits to its pronunciation; PER divides their sum"
                                + " by the sum of the pronunciations' lengths, as a percentage.",
                        (answer, given) -> Answers.near(answer, perByHand(), 0.1)),
                new Exercise(
                        "12.3",
                        "letterForF",
                        "",
                        "find the row of F in the attention weights of laugh (its output tokens"
                                + " are the rows) and the column with the largest weight.",
                        (answer, given) ->
                                Answers.text(answer)
                                        .equals(mostAttendedLetter((Translation) given, "F"))));
    }

    /** 12.1: the test words with more than one pronunciation. */
    @SuppressWarnings("unchecked")
    static long severalPronunciations(Object testReferences) {
        if (!(testReferences instanceof List<?> list)) {
            throw new IllegalArgumentException("exercise 12.1 needs data.testReferences()");
        }
        return ((List<ReferenceGroup>) list)
                .stream().filter(g -> g.references().size() > 1).count();
    }

    /** 12.2: knight as N IH T, box as B AA K, laugh as L AE F, against CMUdict's. */
    static double perByHand() {
        return PronunciationErrors.score(
                        List.of(words("N IH T"), words("B AA K"), words("L AE F")),
                        List.of(
                                List.of(words("N AY T")),
                                List.of(words("B AA K S")),
                                List.of(words("L AE F"))))
                .per();
    }

    /**
     * 12.3: the source letter with the largest weight in the row of the first output {@code
     * phoneme}.
     */
    static String mostAttendedLetter(Translation translation, String phoneme) {
        Preconditions.checkArgument(
                translation != null && translation.hypothesis().attention() != null,
                "exercise 12.3 needs the model's translation of laugh, with its attention");
        int row = translation.tokens().indexOf(phoneme);
        if (row < 0) {
            return "(the model wrote no " + phoneme + ")";
        }
        return AttentionExercises.sourceTokenWithLargestWeight(translation, row);
    }

    private static List<String> words(String phonemes) {
        return Arrays.asList(phonemes.split(" "));
    }
}
