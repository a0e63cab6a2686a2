package dev.seq2seq.viz;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
}
