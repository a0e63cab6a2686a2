package dev.seq2seq.exercises;

import dev.seq2seq.eval.Bleu;
import dev.seq2seq.eval.Chrf;
import dev.seq2seq.eval.TestSetEvaluation;

import java.util.List;

/** The exercises of notebook 07, evaluation. */
final class EvaluationExercises {

    private EvaluationExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "07.1",
                        "bpAnswer",
                        "within 0.001",
                        "strip the final . ? or ! (and a space before it) from each hypothesis, score"
                                + " the shortened hypotheses against the same references, and read"
                                + " the brevity penalty: the closest reference lengths may change too.",
                        (answer, given) ->
                                Answers.near(
                                        answer, shortenedBp((TestSetEvaluation) given), 0.001)),
                new Exercise(
                        "07.2",
                        "chrfPlusPlus",
                        "within 0.01",
                        "Chrf.builder().optWordOrder(2).build(), on the lower-cased hypotheses and"
                                + " references (TestSetEvaluation.lower and lowerAll).",
                        (answer, given) ->
                                Answers.near(
                                        answer, chrfPlusPlus((TestSetEvaluation) given), 0.01)),
                new Exercise(
                        "07.3",
                        "perfectSentences",
                        "",
                        "score each sentence with Bleu.sentenceBuilder().optLowercase(true) against"
                                + " all its references and count the scores of 100.",
                        (answer, given) ->
                                Answers.equalsWhole(answer, perfect((TestSetEvaluation) given))));
    }

    /** 07.1: the brevity penalty once every hypothesis loses its final punctuation mark. */
    static double shortenedBp(TestSetEvaluation evaluation) {
        List<String> shortened =
                evaluation.hypotheses().stream()
                        .map(EvaluationExercises::withoutFinalMark)
                        .toList();
        return TestSetEvaluation.CASE_INSENSITIVE_BLEU
                .corpusScore(shortened, evaluation.references())
                .bp();
    }

    private static String withoutFinalMark(String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty() && ".?!".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** 07.2: chrF++ (word order 2) of the outputs, lower-cased. */
    static double chrfPlusPlus(TestSetEvaluation evaluation) {
        return Chrf.builder()
                .optWordOrder(2)
                .build()
                .corpusScore(
                        TestSetEvaluation.lower(evaluation.hypotheses()),
                        TestSetEvaluation.lowerAll(evaluation.references()))
                .score();
    }

    /** 07.3: sentences whose lower-cased sentence BLEU is 100. */
    static long perfect(TestSetEvaluation evaluation) {
        Bleu sentence = Bleu.sentenceBuilder().optLowercase(true).build();
        long count = 0;
        for (int i = 0; i < evaluation.hypotheses().size(); i++) {
            if (sentence.sentenceScore(
                                    evaluation.hypotheses().get(i), evaluation.references().get(i))
                            .score()
                    > 100 - 1e-9) { // exactly one of the references, up to rounding
                count++;
            }
        }
        return count;
    }
}
