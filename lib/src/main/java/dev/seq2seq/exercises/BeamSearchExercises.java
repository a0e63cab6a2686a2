package dev.seq2seq.exercises;

import ai.djl.util.Preconditions;

import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.decode.BeamSearch;
import dev.seq2seq.decode.GreedySearch;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.model.Seq2SeqModel;

import java.util.List;

/** The exercises of notebook 05, beam search. */
final class BeamSearchExercises {

    private BeamSearchExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "05.1",
                        "shorterFraction",
                        "within 0.005",
                        "translate every test sentence with K = 16 and no penalty, and compare each"
                                + " output's tokens().size() with greedy's for the same sentence.",
                        (answer, given) ->
                                Answers.near(answer, shorterFraction((List<?>) given), 0.005)),
                new Exercise(
                        "05.2",
                        "startsWithNous",
                        "",
                        "translateNBest returns one list per sentence; look at the first token of"
                                + " each of its hypotheses (tokens().get(0)).",
                        (answer, given) ->
                                Answers.equalsWhole(answer, startingWith((List<?>) given, "nous"))),
                new Exercise(
                        "05.3",
                        "temperedProbability",
                        "within 0.001",
                        "raise each probability to the power 1/τ, then divide by their sum.",
                        (answer, given) -> Answers.near(answer, tempered(), 0.001)));
    }

    /** 05.1: the share of test outputs shorter with K = 16 than greedy's. */
    @SuppressWarnings("unchecked")
    static double shorterFraction(List<?> given) {
        Preconditions.checkArgument(
                given != null && given.size() == 3,
                "exercise 05.1 needs List.of(model, data, test)");
        Seq2SeqModel model = (Seq2SeqModel) given.get(0);
        TranslationData data = (TranslationData) given.get(1);
        List<String> sources =
                ((List<ReferenceGroup>) given.get(2)).stream().map(ReferenceGroup::source).toList();
        List<Translation> greedy =
                Translator.builder()
                        .setSearch(new GreedySearch(model))
                        .setData(data)
                        .build()
                        .translate(sources);
        List<Translation> wide =
                Translator.builder()
                        .setSearch(BeamSearch.builder().setModel(model).optBeamSize(16).build())
                        .setData(data)
                        .build()
                        .translate(sources);
        int shorter = 0;
        for (int i = 0; i < sources.size(); i++) {
            if (wide.get(i).tokens().size() < greedy.get(i).tokens().size()) {
                shorter++;
            }
        }
        return (double) shorter / sources.size();
    }

    /** 05.2: the hypotheses of an n-best list whose first token is {@code word}. */
    static long startingWith(List<?> nBest, String word) {
        Preconditions.checkArgument(
                nBest != null, "exercise 05.2 needs the n-best list of one sentence");
        return nBest.stream()
                .map(t -> (Translation) t)
                .filter(t -> !t.tokens().isEmpty() && t.tokens().get(0).equals(word))
                .count();
    }

    /** 05.3: p = (0.6, 0.3, 0.1) at τ = 0.5, the first word's probability. */
    static double tempered() {
        double[] p = {0.6, 0.3, 0.1};
        double sum = 0;
        for (double q : p) {
            sum += Math.pow(q, 2);
        }
        return Math.pow(p[0], 2) / sum;
    }
}
