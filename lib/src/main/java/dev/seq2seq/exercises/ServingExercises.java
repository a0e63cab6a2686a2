package dev.seq2seq.exercises;

import ai.djl.util.Preconditions;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.decode.BeamSearch;
import dev.seq2seq.decode.GreedySearch;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.perf.LoadTest;

import java.util.List;

/**
 * The exercises of notebook 10, deployment. The translations are made in-process: notebook 10 shows
 * that the server's equal them.
 */
final class ServingExercises {

    /** The sentence exercises 10.1 and 10.3 send. */
    static final String COLD = "I am cold.";

    private ServingExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "10.1",
                        "secondBest",
                        "",
                        "ask for nbest 3 with beam 5 and alpha 0; the alternatives are listed best"
                                + " first, so the second one is at index 1.",
                        (answer, given) ->
                                Answers.text(answer)
                                        .equals(
                                                secondBest(given)
                                                        .toLowerCase(java.util.Locale.ROOT))),
                new Exercise(
                        "10.2",
                        "meanMillisWith8",
                        "within 1%",
                        "Little's law with C = 8 clients and the throughput X the batched load test"
                                + " measured; mind the units (seconds, then milliseconds).",
                        (answer, given) -> {
                            double expected = 8 / batched(given).requestsPerSecond() * 1000;
                            return Answers.near(answer, expected, 0.01 * expected);
                        }),
                new Exercise(
                        "10.3",
                        "firstWordOnCold",
                        "within 0.01",
                        "send {\"text\": \"I am cold.\", \"attention\": true}; the first row of"
                                + " weights is the first output token's, and its columns follow"
                                + " attention.source().",
                        (answer, given) -> Answers.near(answer, firstWordOnCold(given), 0.01)));
    }

    /** 10.1: the second of the three best translations of {@link #COLD}, beam 5, no penalty. */
    static String secondBest(Object given) {
        List<?> pair = modelAndData(given, "10.1");
        Translator translator =
                Translator.builder()
                        .setSearch(
                                BeamSearch.builder()
                                        .setModel((Seq2SeqModel) pair.get(0))
                                        .optBeamSize(5)
                                        .optNBest(3)
                                        .build())
                        .setData((TranslationData) pair.get(1))
                        .build();
        return translator.translateNBest(List.of(COLD)).get(0).get(1).text();
    }

    /** 10.3: the first output token's attention weight on {@code cold}, greedy search. */
    static double firstWordOnCold(Object given) {
        List<?> pair = modelAndData(given, "10.3");
        Translation t =
                Translator.builder()
                        .setSearch(new GreedySearch((Seq2SeqModel) pair.get(0)))
                        .setData((TranslationData) pair.get(1))
                        .build()
                        .translate(List.of(COLD))
                        .get(0);
        int cold = t.sourceTokens().indexOf("cold");
        Preconditions.checkArgument(
                cold >= 0, "exercise 10.3: 'cold' is not in this model's source vocabulary");
        return t.hypothesis().attention()[0][cold];
    }

    private static LoadTest.Result batched(Object given) {
        if (!(given instanceof LoadTest.Result result)) {
            throw new IllegalArgumentException(
                    "exercise 10.2 needs the batched load test's result, load.get(\"batching on\")");
        }
        return result;
    }

    private static List<?> modelAndData(Object given, String id) {
        if (!(given instanceof List<?> list)
                || list.size() != 2
                || !(list.get(0) instanceof Seq2SeqModel)
                || !(list.get(1) instanceof TranslationData)) {
            throw new IllegalArgumentException(
                    "exercise "
                            + id
                            + " needs List.of(model, data): the served model and its data");
        }
        return list;
    }
}
