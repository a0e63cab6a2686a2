package dev.seq2seq.exercises;

import dev.seq2seq.data.BpeCodes;
import dev.seq2seq.data.BpeEncoder;
import dev.seq2seq.data.SentencePair;
import dev.seq2seq.data.SentenceTokenizer;
import dev.seq2seq.data.TranslationData;

import java.util.List;
import java.util.function.Function;

/** The exercises of notebook 08, subword units. */
final class SubwordExercises {

    private SubwordExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "08.1",
                        "lowestUnits",
                        "",
                        "start from l o w e s t and the end-of-word marker, and apply the merges in"
                                + " the order they were learned, each wherever its pair occurs; a unit"
                                + " that continues into the next one ends in @@.",
                        (answer, given) ->
                                ((List<?>) answer)
                                        .equals(
                                                new BpeEncoder(codes(given, "08.1"))
                                                        .encode(List.of("lowest")))),
                new Exercise(
                        "08.2",
                        "join",
                        "every test reference",
                        "a unit ending in @@ continues into the next one; a unit without it ends a"
                                + " word.",
                        (answer, given) -> joinsEveryReference(answer, data(given, "08.2"))),
                new Exercise(
                        "08.3",
                        "wholeWordPercent",
                        "within 0.5",
                        "go through the units of each reference: a word stays whole when its unit"
                                + " does not end in @@ and the unit before it does not either; divide"
                                + " by the number of words (punctuation marks count as words).",
                        (answer, given) ->
                                Answers.near(answer, wholeWordPercent(data(given, "08.3")), 0.5)));
    }

    /** 08.3: the percentage of French test-reference words that are one unit. */
    static double wholeWordPercent(TranslationData data) {
        SentenceTokenizer tokenizer = data.targetTokenizer();
        long whole = 0;
        long words = 0;
        for (SentencePair pair : data.split().test()) {
            List<String> units = tokenizer.tokenize(pair.target());
            for (int i = 0; i < units.size(); i++) {
                boolean continues = units.get(i).endsWith(BpeEncoder.CONTINUATION);
                boolean continued = i > 0 && units.get(i - 1).endsWith(BpeEncoder.CONTINUATION);
                if (!continues && !continued) {
                    whole++;
                }
            }
            words += tokenizer.wordCount(units);
        }
        return 100.0 * whole / words;
    }

    @SuppressWarnings("unchecked")
    private static boolean joinsEveryReference(Object answer, TranslationData data) {
        Function<List<String>, List<String>> join = (Function<List<String>, List<String>>) answer;
        SentenceTokenizer tokenizer = data.targetTokenizer();
        for (SentencePair pair : data.split().test()) {
            List<String> joined = join.apply(tokenizer.tokenize(pair.target()));
            if (!tokenizer.words(pair.target()).equals(joined)) {
                return false;
            }
        }
        return true;
    }

    private static BpeCodes codes(Object given, String id) {
        if (!(given instanceof BpeCodes codes)) {
            throw new IllegalArgumentException(
                    "exercise " + id + " needs the toy merges (toyCodes)");
        }
        return codes;
    }

    private static TranslationData data(Object given, String id) {
        if (!(given instanceof TranslationData data) || data.subwords() == null) {
            throw new IllegalArgumentException(
                    "exercise " + id + " needs the subword data (subwords)");
        }
        return data;
    }
}
