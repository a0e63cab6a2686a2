package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Smoothing defaults and signatures as sacreBLEU's {@code BLEU.SMOOTH_DEFAULTS}. */
class SmoothingTest {

    @Test
    void defaultsFollowChenAndCherry() {
        assertEquals(0.1, Smoothing.FLOOR.defaultValue());
        assertEquals(1.0, Smoothing.ADD_K.defaultValue());
        assertFalse(Smoothing.EXP.takesValue());
        assertFalse(Smoothing.NONE.takesValue());
        assertTrue(Smoothing.FLOOR.takesValue());
    }

    @Test
    void signatureShowsValueWithTwoDecimals() {
        assertEquals("floor[0.10]", Smoothing.FLOOR.signature(0.1));
        assertEquals("add-k[1.00]", Smoothing.ADD_K.signature(1));
        assertEquals("exp", Smoothing.EXP.signature(Double.NaN));
        assertEquals("none", Smoothing.NONE.signature(0.5));
    }

    @Test
    void namesRoundTrip() {
        for (Smoothing smoothing : Smoothing.values()) {
            assertEquals(smoothing, Smoothing.fromSignature(smoothing.signatureName()));
        }
        assertThrows(IllegalArgumentException.class, () -> Smoothing.fromSignature("nist"));
    }

    @Test
    void addKGivesFullPrecisionToOrdersWithoutNgrams() {
        // as sacreBLEU: k is added before the "no n-grams of this order" check
        BleuScore score =
                Bleu.builder()
                        .optSmoothing(Smoothing.ADD_K)
                        .build()
                        .sentenceScore("word", List.of("word"));
        assertEquals(100.0, score.score(), 1e-9);
    }
}
