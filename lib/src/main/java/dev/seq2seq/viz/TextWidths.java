package dev.seq2seq.viz;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Collection;

/**
 * Widths of text in pixels, so that charts can size their cells to their labels instead of letting
 * labels collide; works without a display.
 */
final class TextWidths {

    /**
     * Antialiased, with integer advances: as XChart draws into a {@code BufferedImage}, whose
     * graphics do not use fractional metrics (a long title measures about 1.6% wider than with
     * them).
     */
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, false);

    private TextWidths() {}

    /** Returns the width of the text in the font, in pixels, rounded up. */
    static int of(String text, Font font) {
        return (int) Math.ceil(font.getStringBounds(text, CONTEXT).getWidth());
    }

    /** Returns the width of the widest text, 0 if there is none. */
    static int widest(Collection<String> texts, Font font) {
        return texts.stream().mapToInt(t -> of(t, font)).max().orElse(0);
    }

    /**
     * Returns the text, cut at the end with {@code …} if it is wider than the given pixels.
     *
     * @param text the text
     * @param font its font
     * @param pixels the width available
     * @return the text itself if it fits, else its longest prefix that fits with {@code …}
     */
    static String fitted(String text, Font font, int pixels) {
        if (of(text, font) <= pixels) {
            return text;
        }
        int end = text.length();
        while (end > 0 && of(text.substring(0, end) + "…", font) > pixels) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
