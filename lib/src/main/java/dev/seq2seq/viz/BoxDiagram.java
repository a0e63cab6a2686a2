package dev.seq2seq.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A block diagram on a grid: boxes in columns and rows, joined by labelled arrows that run down a
 * column, right along a row, or down then right, or right then down. Columns are far enough apart
 * for a two-line label between them, and every box is as wide as the widest text of any box, so
 * nothing is cut or overlaps.
 */
final class BoxDiagram {

    /** How an arrow runs from one box to another. */
    enum Route {
        /** From the bottom of a box to the top of one below it in the same column. */
        DOWN,
        /** From the right side of a box to the left side of one in the same row. */
        RIGHT,
        /** Down from the bottom of a box, then right into the left side of a box further right. */
        DOWN_RIGHT,
        /** Right from a box to the next column's centre, down, then right into a box there. */
        RIGHT_DOWN
    }

    /**
     * A box, or a caption without a frame when its fill is {@code null}.
     *
     * @param column the column, 0 at the left
     * @param row the row, 0 at the top
     * @param title the first line, in bold
     * @param lines further lines
     * @param fill the fill colour, or {@code null} for a caption
     */
    record Box(int column, int row, String title, List<String> lines, Color fill) {}

    /**
     * An arrow; its label's first line goes above (or right of) the arrow, a second line below.
     *
     * @param from where it starts
     * @param to where it ends
     * @param label one or two lines joined by {@code \n}
     * @param route the route
     * @param offset pixels to shift where the arrow enters its target, down if positive
     */
    record Arrow(Box from, Box to, String label, Route route, int offset) {}

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font BOX_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final int GAP = 160;
    private static final int ROW_HEIGHT = 124;
    private static final int MARGIN = 30;
    private static final int LINE = 18;
    private static final Color INK = new Color(40, 40, 40);
    private static final Color ARROW = new Color(90, 90, 90);

    private final String title;
    private final List<String> legend;
    private final List<Box> boxes = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();

    BoxDiagram(String title, List<String> legend) {
        this.title = title;
        this.legend = List.copyOf(legend);
    }

    Box box(int column, int row, Color fill, String title, String... lines) {
        Box box = new Box(column, row, title, List.of(lines), fill);
        boxes.add(box);
        return box;
    }

    void arrow(Box from, Box to, String label, Route route, int offset) {
        arrows.add(new Arrow(from, to, label, route, offset));
    }

    List<Box> boxes() {
        return List.copyOf(boxes);
    }

    List<Arrow> arrows() {
        return List.copyOf(arrows);
    }

    List<String> legend() {
        return legend;
    }

    BufferedImage render() {
        int boxWidth = 20;
        int boxHeight = 0;
        for (Box b : boxes) {
            boxWidth = Math.max(boxWidth, TextWidths.of(b.title(), BOX_TITLE) + 24);
            boxWidth = Math.max(boxWidth, TextWidths.widest(b.lines(), TEXT) + 24);
            boxHeight = Math.max(boxHeight, 16 + LINE * (1 + b.lines().size()));
        }
        int columns = boxes.stream().mapToInt(Box::column).max().orElse(0) + 1;
        int rows = boxes.stream().mapToInt(Box::row).max().orElse(0) + 1;
        int legendWidth = TextWidths.widest(legend, LABEL);
        int width =
                Math.max(
                        2 * MARGIN + columns * boxWidth + (columns - 1) * GAP,
                        Math.max(TextWidths.of(title, TITLE), legendWidth) + 2 * MARGIN);
        int top = MARGIN + 40;
        int height = top + rows * ROW_HEIGHT + LINE * legend.size() + MARGIN;
        Layout layout = new Layout(boxWidth, boxHeight, top, width, columns);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(INK);
            g.setFont(TITLE);
            g.drawString(title, (width - TextWidths.of(title, TITLE)) / 2, MARGIN + 10);
            for (Arrow a : arrows) {
                drawArrow(g, layout, a);
            }
            for (Box b : boxes) {
                drawBox(g, layout, b);
            }
            g.setFont(LABEL);
            g.setColor(INK);
            int y = top + rows * ROW_HEIGHT;
            for (String line : legend) {
                g.drawString(line, MARGIN, y);
                y += LINE;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Pixel positions of the grid. */
    private record Layout(int boxWidth, int boxHeight, int top, int width, int columns) {
        int centerX(int column) {
            int used = columns * boxWidth + (columns - 1) * GAP;
            int left = (width - used) / 2;
            return left + column * (boxWidth + GAP) + boxWidth / 2;
        }

        int centerY(int row) {
            return top + row * ROW_HEIGHT + boxHeight / 2;
        }

        int left(Box b) {
            return centerX(b.column()) - boxWidth / 2;
        }

        int right(Box b) {
            return centerX(b.column()) + boxWidth / 2;
        }

        int topOf(Box b) {
            return centerY(b.row()) - boxHeight / 2;
        }

        int bottom(Box b) {
            return centerY(b.row()) + boxHeight / 2;
        }
    }

    private static void drawBox(Graphics2D g, Layout l, Box b) {
        int x = l.left(b);
        int y = l.topOf(b);
        int lines = 1 + b.lines().size();
        int textTop = l.centerY(b.row()) - LINE * lines / 2;
        if (b.fill() != null) {
            RoundRectangle2D frame =
                    new RoundRectangle2D.Double(x, y, l.boxWidth(), l.boxHeight(), 14, 14);
            g.setColor(b.fill());
            g.fill(frame);
            g.setColor(INK);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(frame);
        }
        g.setColor(INK);
        g.setFont(BOX_TITLE);
        int cx = l.centerX(b.column());
        g.drawString(b.title(), cx - TextWidths.of(b.title(), BOX_TITLE) / 2, textTop + 14);
        g.setFont(TEXT);
        for (int i = 0; i < b.lines().size(); i++) {
            String line = b.lines().get(i);
            g.drawString(line, cx - TextWidths.of(line, TEXT) / 2, textTop + 14 + LINE * (i + 1));
        }
    }

    private static void drawArrow(Graphics2D g, Layout l, Arrow a) {
        Path2D path = new Path2D.Double();
        String[] label = a.label().split("\n", 2);
        int labelX;
        int labelY;
        boolean beside; // label right of a vertical segment, or above/below a horizontal one
        int endX;
        int endY;
        switch (a.route()) {
            case DOWN -> {
                int x = l.centerX(a.from().column());
                path.moveTo(x, l.bottom(a.from()));
                endX = x;
                endY = l.topOf(a.to());
                path.lineTo(endX, endY);
                labelX = x + 8;
                labelY = (l.bottom(a.from()) + endY) / 2;
                beside = true;
            }
            case RIGHT -> {
                int y = l.centerY(a.from().row()) + a.offset();
                path.moveTo(l.right(a.from()), y);
                endX = l.left(a.to());
                endY = y;
                path.lineTo(endX, endY);
                labelX = (l.right(a.from()) + endX) / 2;
                labelY = y;
                beside = false;
            }
            case DOWN_RIGHT -> {
                int x = l.centerX(a.from().column());
                endY = l.centerY(a.to().row()) + a.offset();
                endX = l.left(a.to());
                path.moveTo(x, l.bottom(a.from()));
                path.lineTo(x, endY);
                path.lineTo(endX, endY);
                labelX = x + 8;
                labelY = (l.bottom(a.from()) + endY) / 2;
                beside = true;
            }
            case RIGHT_DOWN -> {
                int y = l.centerY(a.from().row());
                int x = l.centerX(a.from().column() + 1);
                endY = l.centerY(a.to().row()) + a.offset();
                endX = l.left(a.to());
                path.moveTo(l.right(a.from()), y);
                path.lineTo(x, y);
                path.lineTo(x, endY);
                path.lineTo(endX, endY);
                labelX = (l.right(a.from()) + x) / 2;
                labelY = y;
                beside = false;
            }
            default -> throw new IllegalStateException("unknown route " + a.route());
        }
        g.setColor(ARROW);
        g.setStroke(new BasicStroke(2f));
        g.draw(path);
        drawHead(g, a.route() == Route.DOWN, endX, endY);
        g.setColor(INK);
        g.setFont(LABEL);
        if (beside) {
            int y = labelY - (label.length == 2 ? 4 : -5);
            for (String line : label) {
                g.drawString(line, labelX, y);
                y += LINE;
            }
        } else {
            g.drawString(label[0], labelX - TextWidths.of(label[0], LABEL) / 2, labelY - 7);
            if (label.length == 2) {
                g.drawString(label[1], labelX - TextWidths.of(label[1], LABEL) / 2, labelY + LINE);
            }
        }
    }

    /** Draws an arrow head at (x, y) pointing down or right. */
    private static void drawHead(Graphics2D g, boolean down, int x, int y) {
        Path2D head = new Path2D.Double();
        head.moveTo(x, y);
        if (down) {
            head.lineTo(x - 6, y - 11);
            head.lineTo(x + 6, y - 11);
        } else {
            head.lineTo(x - 11, y - 6);
            head.lineTo(x - 11, y + 6);
        }
        head.closePath();
        g.fill(head);
    }
}
