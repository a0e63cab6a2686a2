package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.DataSettings;

import org.junit.jupiter.api.Test;

class SourceLengthLimitTest {

    @Test
    void onlyMoreTokensThanTheLongestTrainingSourceExceedIt() {
        SourceLengthLimit limit = SourceLengthLimit.of(DataSettings.defaults());
        assertEquals(16, limit.longestTrainingSource());
        assertFalse(limit.isExceededBy(16));
        assertTrue(limit.isExceededBy(17));
        assertEquals(limit, SourceLengthLimit.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> new SourceLengthLimit(0));
    }
}
