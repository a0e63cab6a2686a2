package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.decode.BeamSearch;
import dev.seq2seq.decode.CandidateStatus;
import dev.seq2seq.decode.SearchTree;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.Seeds;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.awt.image.BufferedImage;
import java.util.List;

class SearchTreeChartTest {

    @Test
    void drawsOneEdgePerNonRootNodeAndLabelsTokens() {
        Seeds.seedEverything(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model =
                    Seq2SeqModel.create(
                            Seq2SeqConfig.builder()
                                    .setVocabularySizes(12, 9)
                                    .optEmbeddingSize(8)
                                    .optHiddenSize(8)
                                    .optDecoder(DecoderType.BAHDANAU)
                                    .optAttention("additive", 8)
                                    .build());
            model.initialize(manager);
            SearchTree tree =
                    BeamSearch.builder()
                            .setModel(model)
                            .optBeamSize(2)
                            .optMaxLength(0, 3)
                            .build()
                            .searchTree(
                                    manager.create(new long[][] {{5, 6, 7, 3}}),
                                    manager.create(new long[] {4}));
            Vocabulary target =
                    Vocabulary.builder()
                            .addAll(List.of(List.of("a", "b", "c", "d", "e")))
                            .optMinFrequency(1)
                            .build();
            XYChart chart = SearchTreeChart.of(tree, target, "a tree");
            long edges =
                    chart.getSeriesMap().keySet().stream()
                            .filter(s -> s.startsWith("edge"))
                            .count();
            assertEquals(tree.nodes().size() - 1, edges);
            BufferedImage image = Charts.toImage(chart);
            assertTrue(image.getWidth() >= 600 && image.getHeight() >= 300);
            List<String> legend =
                    chart.getSeriesMap().values().stream()
                            .filter(XYSeries::isShowInLegend)
                            .map(s -> s.getLabel() != null ? s.getLabel() : s.getName())
                            .toList();
            assertTrue(legend.contains("returned translation"), legend.toString());
            assertTrue(legend.contains("pruned (not in the top K)"), legend.toString());
            assertTrue(legend.stream().noneMatch(l -> l.startsWith("edge")), legend.toString());
        }
    }

    @Test
    void eachColumnIsRankedByLogProbabilityBestAtTheTop() {
        List<SearchTree.Node> nodes =
                List.of(
                        new SearchTree.Node(0, -1, 0, 1, 0, CandidateStatus.LIVE, Double.NaN),
                        new SearchTree.Node(1, 0, 1, 5, -2.0, CandidateStatus.LIVE, Double.NaN),
                        new SearchTree.Node(2, 0, 1, 6, -0.5, CandidateStatus.LIVE, Double.NaN),
                        new SearchTree.Node(3, 1, 2, 7, -2.1, CandidateStatus.LIVE, Double.NaN),
                        new SearchTree.Node(4, 2, 2, 8, -3.0, CandidateStatus.PRUNED, Double.NaN),
                        new SearchTree.Node(5, 2, 2, 9, -0.9, CandidateStatus.LIVE, Double.NaN));
        double[] y = SearchTreeChart.layout(nodes);
        assertEquals(0, y[2]); // -0.5 above -2.0
        assertEquals(-1, y[1]);
        assertEquals(0, y[5]);
        assertEquals(
                -1, y[3]); // ranked by score, not by parent: above node 4, whose parent is higher
        assertEquals(-2, y[4]);
    }
}
