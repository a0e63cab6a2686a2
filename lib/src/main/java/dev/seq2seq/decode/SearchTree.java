package dev.seq2seq.decode;

import dev.seq2seq.data.Vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The search tree of one sentence, as {@link BeamSearch#searchTree} records it for teaching: the
 * root {@code <bos>}, and at every step each continuation the beam looked at (its best 2K), with
 * what happened to it.
 *
 * <p>A continuation is {@link Status#LIVE} if it became one of the K live hypotheses, {@link
 * Status#FINISHED} if it was an {@code <eos>} ranked within the first K, {@link Status#CUT} if it
 * was live when the maximum length was reached, and {@link Status#PRUNED} if it fell out of the
 * beam. Continuations beyond the best 2K of a step are not recorded: they could never enter the
 * beam.
 */
public final class SearchTree {

    /** What became of a continuation. */
    public enum Status {
        /** One of the K hypotheses extended at the next step. */
        LIVE,
        /** An {@code <eos>} within the first K: a complete hypothesis. */
        FINISHED,
        /** Live when the maximum length was reached: finalised without {@code <eos>}. */
        CUT,
        /** Ranked too low to stay in the beam. */
        PRUNED
    }

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
            Status status,
            double score) {}

    private final List<Node> nodes = new ArrayList<>();

    SearchTree() {
        nodes.add(new Node(0, -1, 0, Vocabulary.BOS_ID, 0.0, Status.LIVE, Double.NaN));
    }

    /** Adds a continuation of {@code parent} and returns its id. */
    int add(int parent, int token, double logProbSum, Status status) {
        int id = nodes.size();
        nodes.add(
                new Node(
                        id,
                        parent,
                        nodes.get(parent).step() + 1,
                        token,
                        logProbSum,
                        status,
                        Double.NaN));
        return id;
    }

    /** Records the final score of a finished or cut node. */
    void finalise(int id, Status status, double score) {
        Node n = nodes.get(id);
        nodes.set(id, new Node(id, n.parent(), n.step(), n.token(), n.logProbSum(), status, score));
    }

    /**
     * Returns every node in the order recorded (parents before children).
     *
     * @return the nodes, the root first
     */
    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
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
