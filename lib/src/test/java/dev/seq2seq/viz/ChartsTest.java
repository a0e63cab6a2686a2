package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

class ChartsTest {

    @TempDir Path dir;

    private static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(300).height(200).build();
        chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        return chart;
    }

    @Test
    void rendersAtTheChartSize() {
        BufferedImage image = Charts.toImage(chart());
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void savesAPngAddingTheExtension() throws IOException {
        Path file = Charts.savePng(chart(), dir.resolve("chart"));
        assertEquals(dir.resolve("chart.png"), file);
        byte[] magic = Arrays.copyOf(Files.readAllBytes(file), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, magic);
    }
}
