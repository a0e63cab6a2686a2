package dev.seq2seq.decode;

import dev.seq2seq.data.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/** The {@link BeamObserver} that records a sentence's search as a {@link SearchTree}. */
final class SearchTreeRecorder implements BeamObserver {

    private final List<SearchTree.Node> nodes = new ArrayList<>();

    /** Starts a tree with its root {@code <bos>}, id 0. */
    SearchTreeRecorder() {
        nodes.add(
                new SearchTree.Node(
                        0, -1, 0, Vocabulary.BOS_ID, 0.0, CandidateStatus.LIVE, Double.NaN));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the ids are not consecutive
     */
    @Override
    public void considered(
            int id, int parent, int token, double logProbSum, CandidateStatus status) {
        if (id != nodes.size()) {
            throw new IllegalStateException("expected node id " + nodes.size() + ", got " + id);
        }
        int step = nodes.get(parent).step() + 1;
        nodes.add(new SearchTree.Node(id, parent, step, token, logProbSum, status, Double.NaN));
    }

    @Override
    public void completed(int id, CandidateStatus status, double score) {
        SearchTree.Node n = nodes.get(id);
        nodes.set(
                id,
                new SearchTree.Node(
                        id, n.parent(), n.step(), n.token(), n.logProbSum(), status, score));
    }

    /**
     * Returns the tree recorded so far.
     *
     * @return an immutable copy
     */
    SearchTree tree() {
        return new SearchTree(nodes);
    }
}
