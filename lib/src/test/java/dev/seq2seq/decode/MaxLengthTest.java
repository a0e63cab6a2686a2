package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaxLengthTest {

    @Test
    void limitIsRatioTimesSourceTokensWithoutEosPlusOffset() {
        assertEquals(2 * 4 + 10, MaxLength.DEFAULT.of(5)); // 4 tokens + <eos>
        assertEquals(10, MaxLength.DEFAULT.of(1)); // <eos> alone
        assertEquals(3 + 1, new MaxLength(1.5, 1).of(3)); // floor(1.5 * 2) + 1
        assertEquals(2, new MaxLength(0, 2).of(40));
    }

    @Test
    void badValuesAreRejectedNamingBoth() {
        for (double ratio : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new MaxLength(ratio, 3));
            assertTrue(e.getMessage().contains("a=" + ratio), e.getMessage());
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new MaxLength(1, 0));
        assertTrue(e.getMessage().contains("b=0"), e.getMessage());
    }
}
