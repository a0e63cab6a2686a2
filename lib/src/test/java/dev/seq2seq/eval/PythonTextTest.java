package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class PythonTextTest {

    @Test
    void splitUsesPythonWhitespace() {
        // U+00A0 (no-break space) and U+3000 split in Python; U+200B (zero width space) does not
        assertEquals(
                List.of("a", "b", "c", "d\u200Be"),
                PythonText.split(" a\u00A0b\u3000c\r\n d\u200Be "));
        assertEquals(List.of(), PythonText.split(" \t "));
        assertTrue(PythonText.isWhitespace(0x1C));
        assertFalse(PythonText.isWhitespace(0x180E));
    }

    @Test
    void rstripAndCollapse() {
        assertEquals(" a b", PythonText.rstrip(" a b \u2029\t"));
        assertEquals("a b", PythonText.collapseWhitespace("  a \n  b "));
        assertEquals("ab", PythonText.removeWhitespace(" a b "));
    }

    @Test
    void fixedRoundsLikePythonFormat() {
        // f"{x:.1f}" in Python 3: 0.15 -> 0.1, 0.25 -> 0.2, 0.35 -> 0.3, 2.675 (2 places) -> 2.67
        assertEquals("0.1", PythonText.fixed(0.15, 1));
        assertEquals("0.2", PythonText.fixed(0.25, 1));
        assertEquals("0.3", PythonText.fixed(0.35, 1));
        assertEquals("2.67", PythonText.fixed(2.675, 2));
        assertEquals("48.53", PythonText.fixed(48.530827, 2));
        assertEquals("100.0", PythonText.fixed(100, 1));
    }
}
