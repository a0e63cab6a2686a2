package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.decode.SearchTree.Node;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;

import org.junit.jupiter.api.Test;

import java.util.List;

class SearchTreeTest {

    private static final int K = 3;

    private static BeamSearch beam(Seq2SeqModel model) {
        return BeamSearch.builder()
                .setModel(model)
                .optBeamSize(K)
                .optLengthPenalty(0.6)
                .optMaxLength(1.0, 4)
                .build();
    }

    @Test
    void bestPathOfTheTreeIsTheHypothesisTheSearchReturns() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 9);
            for (int i = 0; i < SearchFixture.LENGTHS.length; i++) {
                BeamSearch search = beam(model);
                Hypothesis returned =
                        search.search(
                                        SearchFixture.sourceOf(manager, i),
                                        SearchFixture.lengthOf(manager, i))
                                .get(0)
                                .get(0);
                SearchTree tree =
                        search.searchTree(
                                SearchFixture.sourceOf(manager, i),
                                SearchFixture.lengthOf(manager, i));
                Node best = tree.best().orElseThrow();
                assertEquals(returned.score(), best.score(), 1e-9, "sentence " + i);
                List<Node> path = tree.path(best.id());
                int[] tokens =
                        path.stream()
                                .skip(1) // <bos>
                                .mapToInt(Node::token)
                                .filter(t -> t != Vocabulary.EOS_ID)
                                .toArray();
                assertArrayEquals(returned.tokens(), tokens, "sentence " + i);
                assertEquals(returned.finished(), best.status() == CandidateStatus.FINISHED);
            }
        }
    }

    @Test
    void everyStepKeepsAtMostKLiveNodesAndRecordsTheBestTwoKContinuations() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.LUONG, 9);
            SearchTree tree =
                    beam(model)
                            .searchTree(
                                    SearchFixture.sourceOf(manager, 0),
                                    SearchFixture.lengthOf(manager, 0));
            List<Node> nodes = tree.nodes();
            assertEquals(Vocabulary.BOS_ID, nodes.get(0).token());
            int steps = nodes.stream().mapToInt(Node::step).max().orElseThrow();
            assertTrue(steps >= 1 && steps <= 4 + 1, "steps " + steps); // max length 1·4 + 4
            for (int t = 1; t <= steps; t++) {
                int step = t;
                List<Node> level = nodes.stream().filter(n -> n.step() == step).toList();
                long live = level.stream().filter(n -> n.status() == CandidateStatus.LIVE).count();
                assertTrue(live <= K, "step " + t + ": " + live + " live");
                assertTrue(level.size() <= 2 * K * K, "step " + t + ": " + level.size());
                long parents = level.stream().mapToInt(Node::parent).distinct().count();
                assertTrue(level.size() <= 2 * K, "step " + t + " records the best 2K overall");
                assertTrue(parents <= K);
                for (Node n : level) {
                    Node parent = nodes.get(n.parent());
                    assertEquals(
                            CandidateStatus.LIVE, parent.status(), "only live nodes are extended");
                    assertEquals(t - 1, parent.step());
                    assertTrue(n.logProbSum() <= parent.logProbSum() + 1e-6);
                }
            }
            // the first step extends <bos> alone: its 2K continuations, the best K survive
            List<Node> first = nodes.stream().filter(n -> n.step() == 1).toList();
            assertEquals(2 * K, first.size());
            List<Node> pruned =
                    first.stream().filter(n -> n.status() == CandidateStatus.PRUNED).toList();
            double worstKept =
                    first.stream()
                            .filter(n -> n.status() != CandidateStatus.PRUNED)
                            .mapToDouble(Node::logProbSum)
                            .min()
                            .orElseThrow();
            for (Node n : pruned) {
                assertTrue(n.logProbSum() <= worstKept, "a pruned node ranked above a kept one");
            }
        }
    }

    @Test
    void treeNeedsASingleSentence() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.PLAIN, 9);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    beam(model)
                                            .searchTree(
                                                    SearchFixture.source(manager),
                                                    SearchFixture.lengths(manager)));
            assertTrue(e.getMessage().contains("source"), e.getMessage());
        }
    }
}
