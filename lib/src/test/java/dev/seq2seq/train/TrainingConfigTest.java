package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void defaultsAndScheduleParse() {
        TrainingConfig config =
                TrainingConfig.builder().optTeacherForcing("linear:1.0:0.5:100").build();
        assertEquals(64, config.batchSize());
        assertEquals(0.75, config.schedule().ratio(50), 1e-9);
    }

    @Test
    void invalidValuesAreNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TrainingConfig.builder().optBatchSize(0).build());
        assertEquals("invalid batchSize: 0", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> TrainingConfig.builder().optTeacherForcing("sometimes").build());
        assertThrows(
                IllegalArgumentException.class,
                () -> TrainingConfig.builder().optLearningRate(1e-3f, 1.5f).build());
    }
}
