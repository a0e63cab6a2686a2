package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AlignedTokensTest {

    @Test
    void differentSizesAreRejectedNamingBoth() {
        assertDoesNotThrow(() -> AlignedTokens.requireSameSize("references", 2, "hypotheses", 2));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AlignedTokens.requireSameSize("references", 2, "hypotheses", 1));
        assertEquals(
                "need as many hypotheses as references, got 2 references and 1 hypotheses",
                e.getMessage());
    }
}
