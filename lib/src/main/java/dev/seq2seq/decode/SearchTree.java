package dev.seq2seq.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The search tree of one sentence, as {@link BeamSearch#searchTree} records it for teaching: the
 * root {@code <bos>}, and at every step each continuation the beam looked at (its best 2K), with
 * what happened to it. Immutable; a {@link SearchTreeRecorder} reading the beam's steps builds it.
 *
 * <p>A continuation is {@link CandidateStatus#LIVE} if it became one of the K live hypotheses,
 * {@link CandidateStatus#FINISHED} if it was an {@code <eos>} ranked within the first K, {@link
 * CandidateStatus#CUT} if it was live when the maximum length was reached, and {@link
 * CandidateStatus#PRUNED} if it fell out of the beam. Continuations beyond the best 2K of a step
 * are not recorded: they could never enter the beam.
 */
public final class SearchTree {

    /**
     * One node: a prefix {@code y_1..y_t}.
     *
     * @param id the node's index in {@link #nodes()}; the root is 0
     * @param parent the parent's id, or -1 for the root
     * @param step t, the number of output tokens (0 for the root)
     * @param token y_t, the token this step added ({@code <bos>} for the root)
     * @param logProbSum log P(y_1..y_t | x), natural log
     * @param status what became of it
     * @param score the final score ({@link BeamScoring#score}) of a finished or cut node, NaN
     *     otherwise
     */
    public record Node(
            int id,
            int parent,
            int step,
            int token,
            double logProbSum,
            CandidateStatus status,
            double score) {}

    private final List<Node> nodes;

    /**
     * Creates a tree from its nodes.
     *
     * @param nodes the nodes, the root first, each node's id its index
     */
    SearchTree(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Returns every node in the order recorded (parents before children).
     *
     * @return the nodes, the root first
     */
    public List<Node> nodes() {
        return nodes;
    }

    /**
     * Returns the finished or cut node with the best final score: the search's output.
     *
     * @return the best complete node, or empty if none was recorded
     */
    public Optional<Node> best() {
        return nodes.stream()
                .filter(n -> !Double.isNaN(n.score()))
                .max(Comparator.comparingDouble(Node::score).thenComparing(n -> -n.id()));
    }

    /**
     * Returns the path from the root to a node.
     *
     * @param id a node id
     * @return the nodes from the root to {@code id}, both included
     * @throws IndexOutOfBoundsException if there is no such node
     */
    public List<Node> path(int id) {
        List<Node> path = new ArrayList<>();
        for (int i = id; i >= 0; i = nodes.get(i).parent()) {
            path.add(nodes.get(i));
        }
        Collections.reverse(path);
        return path;
    }
}
