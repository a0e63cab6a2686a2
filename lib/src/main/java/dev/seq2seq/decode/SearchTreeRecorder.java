package dev.seq2seq.decode;

import dev.seq2seq.data.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the search of one sentence as a {@link SearchTree}, from outside the algorithm: after
 * each step of the sentence's {@link Beam}, {@link #record} reads what became of every continuation
 * the step looked at ({@link Beam.Fate}) and adds them as nodes. Ids are numbered in that order:
 * the root {@code <bos>} is 0, and at each step the best 2K continuations (K beam size) get the
 * next ids, best first.
 */
final class SearchTreeRecorder {

    private final List<SearchTree.Node> nodes = new ArrayList<>();
    private List<Integer> live = List.of(0); // the ids of the live hypotheses, best first

    /** Starts a tree with its root {@code <bos>}, id 0. */
    SearchTreeRecorder() {
        nodes.add(
                new SearchTree.Node(
                        0, -1, 0, Vocabulary.BOS_ID, 0.0, CandidateStatus.LIVE, Double.NaN));
    }

    /**
     * Adds one step of the beam: a node per continuation looked at, with the final status and score
     * of those that were completed.
     *
     * @param fates the step's {@link Beam.Continuation#fates()}, best first
     */
    void record(List<Beam.Fate> fates) {
        List<Integer> next = new ArrayList<>();
        for (Beam.Fate fate : fates) {
            int id = nodes.size();
            int parent = live.get(fate.parent());
            int step = nodes.get(parent).step() + 1;
            CandidateStatus status = fate.completion() != null ? fate.completion() : fate.status();
            nodes.add(
                    new SearchTree.Node(
                            id,
                            parent,
                            step,
                            fate.token(),
                            fate.logProbSum(),
                            status,
                            fate.score()));
            if (status == CandidateStatus.LIVE) {
                next.add(id);
            }
        }
        live = next;
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
