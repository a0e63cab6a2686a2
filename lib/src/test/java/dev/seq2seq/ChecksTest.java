package dev.seq2seq;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void aFalseConditionNamesTheSettingAndItsValue() {
        assertDoesNotThrow(() -> Checks.check(true, "hiddenSize", 256));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Checks.check(false, "hiddenSize", -1));
        assertEquals("invalid hiddenSize: -1", e.getMessage());
    }
}
