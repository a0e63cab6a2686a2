package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.train.EarlyStopping.Mode;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void minimizeStopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stopping =
                EarlyStopping.builder().setMode(Mode.MINIMIZE).setPatience(2).build();
        assertTrue(stopping.update(3.0));
        assertTrue(stopping.update(2.5));
        assertFalse(stopping.update(2.6));
        assertFalse(stopping.shouldStop());
        assertTrue(stopping.update(2.4)); // improvement resets the count
        assertFalse(stopping.update(2.4)); // equal is not better
        assertFalse(stopping.shouldStop());
        assertFalse(stopping.update(9.0));
        assertTrue(stopping.shouldStop());
        assertEquals(2.4, stopping.bestValue());
        assertEquals(4, stopping.bestEpoch());
        assertEquals(6, stopping.epochs());
    }

    @Test
    void maximizeStopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stopping =
                EarlyStopping.builder().setMode(Mode.MAXIMIZE).setPatience(3).build();
        assertTrue(stopping.update(10.0));
        assertTrue(stopping.update(12.5));
        assertFalse(stopping.update(12.0));
        assertFalse(stopping.update(11.0));
        assertFalse(stopping.shouldStop());
        assertFalse(stopping.update(12.5));
        assertTrue(stopping.shouldStop());
        assertEquals(12.5, stopping.bestValue());
        assertEquals(2, stopping.bestEpoch());
    }

    @Test
    void minDeltaIgnoresTinyImprovements() {
        EarlyStopping stopping =
                EarlyStopping.builder()
                        .setMode(Mode.MINIMIZE)
                        .setPatience(1)
                        .optMinDelta(0.1)
                        .build();
        assertTrue(stopping.update(1.0));
        assertFalse(stopping.update(0.95));
        assertTrue(stopping.shouldStop());
        assertEquals(1.0, stopping.bestValue());
    }

    @Test
    void nanNeverImproves() {
        EarlyStopping stopping =
                EarlyStopping.builder().setMode(Mode.MINIMIZE).setPatience(2).build();
        assertFalse(stopping.update(Double.NaN));
        assertEquals(0, stopping.bestEpoch());
        assertTrue(Double.isNaN(stopping.bestValue()));
        assertTrue(stopping.update(5.0));
        assertFalse(stopping.update(Double.NaN));
        assertFalse(stopping.update(Double.NaN));
        assertTrue(stopping.shouldStop());
    }

    @Test
    void builderNamesTheWrongValue() {
        assertEquals(
                "EarlyStopping needs setPatience(n) with n >= 1, got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EarlyStopping.builder().setMode(Mode.MAXIMIZE).build())
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> EarlyStopping.builder().setPatience(2).build());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        EarlyStopping.builder()
                                .setMode(Mode.MINIMIZE)
                                .setPatience(2)
                                .optMinDelta(-1)
                                .build());
    }
}
