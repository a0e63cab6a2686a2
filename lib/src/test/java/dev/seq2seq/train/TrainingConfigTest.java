package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;

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

    @Test
    void settingsRecordedBeforeTheNoamScheduleReadAsTheEpochDecay() {
        TrainingConfig config = TrainingConfig.builder().optEpochs(3).build();
        assertEquals(LearningRateSchedule.EPOCH_DECAY, config.learningRateSchedule());
        String json = new Gson().toJson(config);
        String old =
                json.replace(",\"learningRateSchedule\":\"EPOCH_DECAY\"", "")
                        .replace(",\"warmupSteps\":4000", "");
        assertTrue(!old.contains("warmup") && !old.contains("Schedule"), old);
        assertEquals(config, new Gson().fromJson(old, TrainingConfig.class));
    }

    @Test
    void noamScheduleIsSelectableAndRecorded() {
        TrainingConfig config =
                TrainingConfig.builder()
                        .optLearningRateSchedule(LearningRateSchedule.NOAM, 400)
                        .build();
        assertEquals(LearningRateSchedule.NOAM, config.learningRateSchedule());
        assertEquals(400, config.warmupSteps());
        assertEquals(config, new Gson().fromJson(new Gson().toJson(config), TrainingConfig.class));
        assertEquals(config, config.withBudget(config.epochs(), config.maxMinutes()));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TrainingConfig.builder()
                                        .optLearningRateSchedule(LearningRateSchedule.NOAM, -1)
                                        .build());
        assertEquals("invalid warmupSteps: -1", e.getMessage());
    }
}
