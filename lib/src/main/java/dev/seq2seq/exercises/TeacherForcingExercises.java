package dev.seq2seq.exercises;

import ai.djl.ndarray.NDManager;
import ai.djl.util.Preconditions;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.eval.TestSetEvaluation;
import dev.seq2seq.eval.TokenPredictions;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.train.TeacherForcingSchedule;

import java.util.List;

/** The exercises of notebook 06, teacher forcing and exposure bias. */
final class TeacherForcingExercises {

    private TeacherForcingExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "06.1",
                        "epsilonAt500",
                        "within 0.001",
                        "Bengio et al.'s inverse sigmoid is ε_i = k / (k + exp(i / k)); here k = 100"
                                + " and i = 500.",
                        (answer, given) ->
                                Answers.near(
                                        answer,
                                        TeacherForcingSchedule.parse("inverse-sigmoid:100")
                                                .ratio(500),
                                        0.001)),
                new Exercise(
                        "06.2",
                        "sameTranslations",
                        "",
                        "compare text() of the two models' greedy translations sentence by sentence.",
                        (answer, given) -> Answers.equalsWhole(answer, sameTexts((List<?>) given))),
                new Exercise(
                        "06.3",
                        "validAccuracy",
                        "within 0.01 of the percentage",
                        "TokenPredictions.teacherForced takes the model, a manager, the encoded pairs"
                                + " of a split (data.valid().pairs()) and the target vocabulary.",
                        (answer, given) ->
                                Answers.near(answer, validAccuracy((List<?>) given), 0.01)));
    }

    /** 06.2: the sentences two evaluations of the same test set translate to the same text. */
    static long sameTexts(List<?> two) {
        Preconditions.checkArgument(
                two != null && two.size() == 2, "exercise 06.2 needs the two greedy evaluations");
        TestSetEvaluation a = (TestSetEvaluation) two.get(0);
        TestSetEvaluation b = (TestSetEvaluation) two.get(1);
        long same = 0;
        for (int i = 0; i < a.translations().size(); i++) {
            if (a.translations().get(i).text().equals(b.translations().get(i).text())) {
                same++;
            }
        }
        return same;
    }

    /** 06.3: teacher-forced token accuracy on the validation split, in percent. */
    static double validAccuracy(List<?> given) {
        Preconditions.checkArgument(
                given != null && given.size() == 2, "exercise 06.3 needs List.of(model, data)");
        Seq2SeqModel model = (Seq2SeqModel) given.get(0);
        TranslationData data = (TranslationData) given.get(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            return 100
                    * TokenPredictions.teacherForced(
                                    model,
                                    manager,
                                    data.valid().pairs(),
                                    data.targetVocabulary(),
                                    64)
                            .accuracy();
        }
    }
}
