package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.List;

class TribuoPredictionsTest {

    @Test
    void exampleOutputIsTheReferenceAndPredictionOutputThePredictedToken() {
        List<Prediction<Label>> predictions =
                TribuoPredictions.of(List.of("a", "b", "<other>"), List.of("b", "b", "a"));
        assertEquals(3, predictions.size());
        assertEquals("a", predictions.get(0).getExample().getOutput().getLabel());
        assertEquals("b", predictions.get(0).getOutput().getLabel());
        assertEquals("<other>", predictions.get(2).getExample().getOutput().getLabel());
        assertEquals("a", predictions.get(2).getOutput().getLabel());
        assertSame(predictions.get(0).getOutput(), predictions.get(1).getExample().getOutput());
    }

    @Test
    void misalignedListsNameBothSizes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TribuoPredictions.of(List.of("a"), List.of()));
        assertEquals(
                "need as many predictions as references, got 1 references and 0 predictions",
                e.getMessage());
    }
}
