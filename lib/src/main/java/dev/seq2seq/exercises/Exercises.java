package dev.seq2seq.exercises;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The notebooks' checked exercises, in the spirit of nbgrader's hidden tests: a notebook's check
 * cell is {@code Exercises.check("12.1", answer)} (or with what the check needs, such as the
 * model's translation: {@code Exercises.check("12.3", letter, translation)}), and the expected
 * answer lives here, as a salted hash or computed from what the notebook passes, never on the
 * notebook's page. Each check says "not answered yet" until the answer variable is set, then right
 * or wrong with a hint, and states its tolerance. {@code ExercisesTest} proves that every check
 * accepts the right answer and rejects a wrong one.
 */
public final class Exercises {

    private static final Map<String, Exercise> ALL = index();

    private Exercises() {}

    /**
     * Checks an answer that needs nothing else.
     *
     * @param id the exercise, e.g. {@code 12.2}
     * @param answer the student's answer, null when not answered yet
     * @return the verdict, whose text is the cell's output
     * @throws IllegalArgumentException if there is no such exercise
     */
    public static Verdict check(String id, Object answer) {
        return check(id, answer, null);
    }

    /**
     * Checks an answer against what the notebook computed, e.g. the model's translation.
     *
     * @param id the exercise, e.g. {@code 12.3}
     * @param answer the student's answer, null when not answered yet
     * @param given what the check needs, as the exercise's text says
     * @return the verdict, whose text is the cell's output
     * @throws IllegalArgumentException if there is no such exercise
     */
    public static Verdict check(String id, Object answer, Object given) {
        Exercise exercise = ALL.get(id);
        if (exercise == null) {
            throw new IllegalArgumentException(
                    "no exercise " + id + "; the exercises are " + ALL.keySet());
        }
        return exercise.judge(answer, given);
    }

    /**
     * Returns every exercise, by id.
     *
     * @return an unmodifiable map in notebook order
     */
    public static Map<String, Exercise> all() {
        return ALL;
    }

    private static Map<String, Exercise> index() {
        Map<String, Exercise> map = new LinkedHashMap<>();
        Stream.of(
                        DataExercises.all(),
                        RecurrentCellExercises.all(),
                        EncoderDecoderExercises.all(),
                        AttentionExercises.all(),
                        BeamSearchExercises.all(),
                        TeacherForcingExercises.all(),
                        EvaluationExercises.all(),
                        SubwordExercises.all(),
                        TransformerExercises.all(),
                        ServingExercises.all(),
                        DesignExercises.all(),
                        SpellingToSoundExercises.all())
                .flatMap(List::stream)
                .forEach(
                        e -> {
                            if (map.put(e.id(), e) != null) {
                                throw new IllegalStateException("two exercises " + e.id());
                            }
                        });
        return java.util.Collections.unmodifiableMap(map);
    }
}
