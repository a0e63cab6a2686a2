package dev.seq2seq.exercises;

import ai.djl.util.Preconditions;

import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.data.Vocabulary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The exercises of notebook 01, the data. */
final class DataExercises {

    private DataExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "01.1",
                        "validHapaxes",
                        "",
                        "count each token's occurrences over all sentences of validFr, then the"
                                + " tokens whose count is 1.",
                        (answer, given) -> Answers.equalsWhole(answer, hapaxes(tokens(given)))),
                new Exercise(
                        "01.2",
                        "singleReference",
                        "",
                        "CorpusSplit.references groups the validation pairs by English sentence;"
                                + " count the groups with one reference.",
                        (answer, given) -> Answers.equalsWhole(answer, singleReference(given))),
                new Exercise(
                        "01.3",
                        "coverage2000",
                        "within 0.05 of the percentage",
                        "build the vocabulary from trainFr with optMaxSize(2000), then take its"
                                + " coverage(validFr), as a percentage.",
                        (answer, given) -> Answers.near(answer, coverage2000(given), 0.05)));
    }

    /** 01.1: distinct tokens seen exactly once. */
    static long hapaxes(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        sentences.forEach(s -> s.forEach(t -> counts.merge(t, 1, Integer::sum)));
        return counts.values().stream().filter(c -> c == 1).count();
    }

    /** 01.2: English sentences with a single reference. */
    @SuppressWarnings("unchecked")
    static long singleReference(Object groups) {
        return ((List<ReferenceGroup>) groups)
                .stream().filter(g -> g.references().size() == 1).count();
    }

    /** 01.3: validation coverage of the 2,000 most frequent training tokens, in percent. */
    static double coverage2000(Object given) {
        List<?> both = (List<?>) given;
        Preconditions.checkArgument(
                both != null && both.size() == 2, "exercise 01.3 needs List.of(trainFr, validFr)");
        Vocabulary vocabulary =
                Vocabulary.builder().addAll(tokens(both.get(0))).optMaxSize(2000).build();
        return 100 * vocabulary.coverage(tokens(both.get(1)));
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> tokens(Object sentences) {
        if (!(sentences instanceof List<?>)) {
            throw new IllegalArgumentException("a list of tokenized sentences is expected");
        }
        return (List<List<String>>) sentences;
    }
}
