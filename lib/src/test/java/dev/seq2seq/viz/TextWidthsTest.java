package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.util.List;

class TextWidthsTest {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    @Test
    void longerTextIsWiderAndTheWidestIsTheMaximum() {
        int short_ = TextWidths.of("je", FONT);
        int long_ = TextWidths.of("appartement", FONT);
        assertTrue(short_ > 0 && long_ > 2 * short_, short_ + " vs " + long_);
        assertEquals(long_, TextWidths.widest(List.of("je", "appartement", "tu"), FONT));
        assertEquals(0, TextWidths.widest(List.of(), FONT));
    }

    @Test
    void fittedKeepsWhatFitsAndCutsTheRestWithAnEllipsis() {
        assertEquals("je t'aime", TextWidths.fitted("je t'aime", FONT, 1000));
        String cut = TextWidths.fitted("nous devons trouver un nouvel appartement", FONT, 120);
        assertTrue(cut.endsWith("…") && cut.length() > 3, cut);
        assertTrue(TextWidths.of(cut, FONT) <= 120);
        assertTrue("nous devons trouver".startsWith(cut.substring(0, cut.length() - 1)), cut);
    }
}
