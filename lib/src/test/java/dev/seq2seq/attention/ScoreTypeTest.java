package dev.seq2seq.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.Map;

class ScoreTypeTest {

    @Test
    void namesParseCaseInsensitivelyWithDashOrUnderscore() {
        assertEquals(ScoreType.SCALED_DOT, ScoreType.fromString("scaled_dot"));
        assertEquals(ScoreType.SCALED_DOT, ScoreType.fromString("Scaled-Dot"));
        assertEquals(ScoreType.ADDITIVE, ScoreType.fromString(" ADDITIVE "));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> ScoreType.fromString("bahdanau"));
        assertEquals(
                "unknown attention score 'bahdanau', expected one of "
                        + "[dot, scaled_dot, general, concat, additive, cosine]",
                e.getMessage());
    }

    @Test
    void scaledDotIsTheDotScoreScaledAndDotIsNot() {
        assertTrue(((DotScore) AttentionScore.create(ScoreType.SCALED_DOT, 8)).scaled());
        assertFalse(((DotScore) AttentionScore.create(ScoreType.DOT, 8)).scaled());
    }

    @Test
    void createBuildsEachTypeWithScoresOfShapeBTS() {
        Map<ScoreType, Class<?>> classes =
                Map.of(
                        ScoreType.DOT, DotScore.class,
                        ScoreType.SCALED_DOT, DotScore.class,
                        ScoreType.GENERAL, GeneralScore.class,
                        ScoreType.CONCAT, ConcatScore.class,
                        ScoreType.ADDITIVE, AdditiveScore.class,
                        ScoreType.COSINE, CosineScore.class);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (ScoreType type : ScoreType.values()) {
                AttentionScore score = AttentionScore.create(type, 8);
                assertInstanceOf(classes.get(type), score);
                Shape[] shapes = {new Shape(2, 3, 4), new Shape(2, 5, 4)};
                score.initialize(manager, DataType.FLOAT32, shapes);
                NDArray query = manager.ones(shapes[0]);
                NDArray keys = manager.ones(shapes[1]);
                Shape scores = DotScoreTest.forward(score, manager, query, keys).getShape();
                assertEquals(new Shape(2, 3, 5), scores, type.toString());
                assertEquals(scores, score.getOutputShapes(shapes)[0], type.toString());
            }
            assertEquals(
                    8,
                    ((AdditiveScore) AttentionScore.create(ScoreType.ADDITIVE, 8)).attentionSize());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> AttentionScore.create(ScoreType.CONCAT, 0));
        }
    }
}
