package dev.seq2seq.viz;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;

/** Renders XChart charts: to an image for a notebook cell, or to a PNG file. */
public final class Charts {

    private Charts() {}

    /**
     * Renders a chart to an image; a notebook shows a returned or {@code display}ed image.
     *
     * @param chart the chart
     * @return the rendered image, the chart's width and height in pixels
     */
    public static BufferedImage toImage(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Saves a chart as a PNG file.
     *
     * @param chart the chart
     * @param file the file to write; {@code .png} is added if missing; its folder must exist
     * @return the file written
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path savePng(Chart<?, ?> chart, Path file) {
        String name = file.toString();
        Path target = Path.of(name.endsWith(".png") ? name : name + ".png");
        try {
            BitmapEncoder.saveBitmap(chart, target.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + target, e);
        }
        return target;
    }

    /**
     * Series colours that stay apart on a projector: the ten of Tableau's "tab10" (matplotlib's
     * default cycle). XChart's default cycle puts an orange (255, 172, 0) second and a yellow (255,
     * 215, 0) sixth, which look alike on a chart of six curves.
     */
    static final Color[] SERIES_COLORS = {
        new Color(31, 119, 180),
        new Color(255, 127, 14),
        new Color(44, 160, 44),
        new Color(214, 39, 40),
        new Color(148, 103, 189),
        new Color(140, 86, 75),
        new Color(227, 119, 194),
        new Color(127, 127, 127),
        new Color(188, 189, 34),
        new Color(23, 190, 207)
    };

    /**
     * Gives a chart's series the colours of {@link #SERIES_COLORS}, in order.
     *
     * @param styler the chart's styler
     */
    static void distinctSeriesColors(Styler styler) {
        styler.setSeriesColors(SERIES_COLORS.clone());
    }

    /** Space a legend entry takes besides its text: the line or marker sample and the gaps. */
    private static final int LEGEND_ENTRY_EXTRA = 50;

    /** Height of one legend line. */
    private static final int LEGEND_LINE = 21;

    /**
     * Returns whether a legend of these entries fits in one row below a plot of this width.
     *
     * @param names the legend entries
     * @param width the chart's width in pixels
     * @return true for one row, false for one entry per line
     */
    static boolean legendFitsInARow(Collection<String> names, int width) {
        Font font = new XYChartBuilder().width(1).height(1).build().getStyler().getLegendFont();
        int row = names.stream().mapToInt(n -> TextWidths.of(n, font) + LEGEND_ENTRY_EXTRA).sum();
        return row + 40 <= width;
    }

    /**
     * Returns the height to add to a chart for a legend below its plot: nothing when the entries
     * fit in one row, one line per entry after the first otherwise.
     *
     * @param names the legend entries
     * @param width the chart's width in pixels
     * @return the extra height in pixels
     */
    static int legendExtraHeight(Collection<String> names, int width) {
        return legendFitsInARow(names, width) ? 0 : LEGEND_LINE * (names.size() - 1);
    }

    /**
     * Puts a chart's legend below the plot, where it cannot hide data (the series' last points, the
     * tallest bars): in one row when it fits the chart's width, else one entry per line, so that no
     * entry is cut; callers add {@link #legendExtraHeight} to the chart's height.
     *
     * @param styler the chart's styler
     * @param names the legend entries
     * @param width the chart's width in pixels
     */
    static void legendBelow(Styler styler, Collection<String> names, int width) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(
                legendFitsInARow(names, width)
                        ? Styler.LegendLayout.Horizontal
                        : Styler.LegendLayout.Vertical);
    }
}
