package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataSettingsBuilderTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(
                new DataSettings(
                        Language.ENGLISH,
                        Language.FRENCH,
                        Integer.MAX_VALUE,
                        0.05,
                        0.05,
                        2,
                        16,
                        20,
                        2026,
                        0,
                        false,
                        0,
                        Units.WORDS),
                DataSettings.defaults());
    }

    @Test
    void optSettingsTakesEveryValueOver() {
        DataSettings chars = DataSettings.spellingToSound();
        assertEquals(chars, DataSettings.builder().optSettings(chars).build());
        DataSettings subwords =
                DataSettings.builder().optBpe(500).optBpeSeparate(true).optBpeDropout(0.1).build();
        assertEquals(subwords, DataSettings.builder().optSettings(subwords).build());
        assertEquals(
                subwords,
                TranslationData.builder().optSettings(subwords).settings(),
                "same options");
    }

    @Test
    void aWrongCombinationIsReportedWhenBuilt() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DataSettings.builder().optBpeDropout(0.1).build());
        assertEquals(
                "BPE-dropout needs subword units (bpeMerges > 0), got word tokens", e.getMessage());
    }
}
