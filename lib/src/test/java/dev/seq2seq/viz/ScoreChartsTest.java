package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class ScoreChartsTest {

    private static final List<String> BEAMS = List.of("1", "4", "16");

    private static Map<String, double[]> bleuByBeam() {
        Map<String, double[]> scores = new LinkedHashMap<>();
        scores.put("BLEU", new double[] {44.5, 47.6, 46.9});
        scores.put("chrF", new double[] {62.1, 63.4, 63.0});
        return scores;
    }

    @Test
    void axisTitlesComeFromTheCallerAndTheLegendSitsBelowThePlot() {
        CategoryChart chart =
                ScoreCharts.bars("by beam", "beam size K", "score", BEAMS, bleuByBeam());
        assertEquals("beam size K", chart.getXAxisTitle());
        assertEquals("score", chart.getYAxisTitle());
        assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition());
        assertEquals(3, chart.getSeriesMap().get("chrF").getYData().size());
    }

    @Test
    void dotsZoomTheAxisToTheDataAndSaySo() {
        Map<String, double[]> bleu = Map.of("BLEU", new double[] {44.5, 47.6, 46.9});
        CategoryChart chart = ScoreCharts.dots("by beam", "beam size K", "BLEU", BEAMS, bleu);
        double from = chart.getStyler().getYAxisMin();
        assertTrue(from > 30 && from < 44.5, "axis from " + from);
        assertTrue(chart.getStyler().getYAxisMax() > 47.6);
        assertEquals("BLEU (axis from " + (long) from + ")", chart.getYAxisTitle());
    }

    @Test
    void intervalsAreDrawnAsErrorBarsInsideTheZoomedAxisAndOneSeriesHasNoLegend() {
        List<dev.seq2seq.eval.PairedBootstrap.Estimate> wer =
                List.of(
                        new dev.seq2seq.eval.PairedBootstrap.Estimate(20, 20.1, 1.0),
                        new dev.seq2seq.eval.PairedBootstrap.Estimate(30, 30.2, 5.0),
                        new dev.seq2seq.eval.PairedBootstrap.Estimate(40, 39.9, 9.0));
        CategoryChart chart =
                ScoreCharts.dotsWithIntervals(
                        "WER by length", "letters", "WER (%)", BEAMS, Map.of("greedy", wer));
        assertEquals(
                List.of(1.0, 5.0, 9.0),
                chart.getSeriesMap().get("greedy").getExtraValues().stream()
                        .map(Number::doubleValue)
                        .toList());
        assertTrue(chart.getStyler().getYAxisMin() <= 19, "the lowest interval is on the axis");
        assertTrue(chart.getStyler().getYAxisMax() >= 49, "so is the highest");
        assertTrue(!chart.getStyler().isLegendVisible(), "one series needs no legend");
    }

    @Test
    void dotsNearZeroKeepZeroAndThePlainTitle() {
        CategoryChart chart =
                ScoreCharts.dots(
                        "ratio", "α", "share", BEAMS, Map.of("s", new double[] {0.01, 0.5, 0.9}));
        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertEquals("share", chart.getYAxisTitle());
    }

    @Test
    void anAxisThatWouldStartJustAboveZeroStartsAtZeroWithThePlainTitle() {
        List<dev.seq2seq.eval.PairedBootstrap.Estimate> bleu =
                List.of(
                        new dev.seq2seq.eval.PairedBootstrap.Estimate(29.5, 29.4, 1.3),
                        new dev.seq2seq.eval.PairedBootstrap.Estimate(31.4, 31.5, 1.4),
                        new dev.seq2seq.eval.PairedBootstrap.Estimate(5.8, 5.8, 0.6));
        CategoryChart chart =
                ScoreCharts.pointsWithIntervals(
                        "BLEU by design", "design", "BLEU", BEAMS, Map.of("BLEU", bleu));
        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertEquals("BLEU", chart.getYAxisTitle(), "no 'axis from' for an axis from 0");
    }

    @Test
    void pointsAreUnjoinedAndDotsJoined() {
        CategoryChart points =
                ScoreCharts.points("by measure", "measure", "score", BEAMS, bleuByBeam());
        CategoryChart dots =
                ScoreCharts.dots("by beam", "beam size K", "score", BEAMS, bleuByBeam());
        for (String name : List.of("BLEU", "chrF")) {
            assertEquals(
                    CategorySeriesRenderStyle.Scatter,
                    points.getSeriesMap().get(name).getChartCategorySeriesRenderStyle());
            assertEquals(
                    CategorySeriesRenderStyle.Line,
                    dots.getSeriesMap().get(name).getChartCategorySeriesRenderStyle());
        }
        assertEquals(dots.getYAxisTitle(), points.getYAxisTitle(), "the same zoomed axis");
    }

    @Test
    void aSeriesNeedsOneScorePerCategory() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ScoreCharts.bars(
                                        "t", "x", "y", BEAMS, Map.of("s", new double[] {1, 2})));
        assertEquals("series 's' has 2 scores for 3 categories", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ScoreCharts.dots(
                                "t",
                                "x",
                                "y",
                                BEAMS,
                                Map.of("s", new double[] {1, Double.NaN, 2})));
        assertThrows(
                IllegalArgumentException.class,
                () -> ScoreCharts.bars("t", "x", "y", BEAMS, Map.of()));
    }
}
