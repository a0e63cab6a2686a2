package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.DataSettings;

import org.junit.jupiter.api.Test;

import java.util.List;

class SourceLengthLimitTest {

    @Test
    void onlyMoreTokensThanTheLongestTrainingSourceExceedIt() {
        SourceLengthLimit limit = SourceLengthLimit.of(DataSettings.defaults());
        assertEquals(16, limit.maxSourceLength());
        assertFalse(limit.isExceededBy(16));
        assertTrue(limit.isExceededBy(17));
        assertEquals(limit, SourceLengthLimit.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> new SourceLengthLimit(0));
    }

    @Test
    void subwordUnitsCountAsTheWordsTheyMakeUp() {
        SourceLengthLimit limit = new SourceLengthLimit(2);
        List<String> units = List.of("ver@@", "y", "lo@@", "ng", "<eos>");
        assertTrue(limit.warning(translation(units)).isEmpty());
        List<String> three = List.of("ver@@", "y", "lo@@", "ng", "words", "<eos>");
        assertEquals(
                "3 source tokens, more than the training length limit (2): the translation may be"
                        + " cut short or wrong",
                limit.warning(translation(three)).orElseThrow());
    }

    private static Translation translation(List<String> sourceTokens) {
        return new Translation(String.join(" ", sourceTokens), sourceTokens, List.of(), "", null);
    }
}
