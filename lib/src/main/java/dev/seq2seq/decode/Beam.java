package dev.seq2seq.decode;

import dev.seq2seq.data.Vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The beam of one sentence during {@link BeamSearch}: its live hypotheses, which occupy consecutive
 * rows of the search's batch from {@code firstRow} (one row at the first step, when the only live
 * hypothesis is {@code <bos>}, then K; rows move as other sentences finish and leave the batch),
 * and its finished ones. Host-side only: it reads the log-probabilities and attention weights of
 * one step and says, for each of its rows, which row to continue and with which token, and what
 * became of each continuation it looked at ({@link Fate}), which a {@link SearchTreeRecorder} reads
 * to draw the search tree from outside the algorithm.
 *
 * <p>Shapes: K beam size, V target vocabulary, S source steps (padded), S_i this sentence's valid
 * source length.
 */
final class Beam {

    /**
     * A live or finished hypothesis as a linked list back to {@code <bos>}, so hypotheses that
     * share a prefix share its nodes.
     *
     * @param parent the previous node, or null for the root ({@code <bos>})
     * @param token the token emitted at this step
     * @param logProb its log-probability
     * @param attention the attention weights of this step over the valid source positions (S_i), or
     *     null
     * @param logProbSum the log-probability of the whole prefix, log P(y_1..y_t | x)
     * @param length t, the number of output steps so far
     */
    private record Node(
            Node parent,
            int token,
            float logProb,
            float[] attention,
            double logProbSum,
            int length) {}

    /**
     * A continuation: live hypothesis {@code beam} extended by {@code token}. The natural order
     * puts the better one first: higher score, then lower token id, then lower beam index.
     */
    private record Candidate(int beam, int token, double score) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate other) {
            int c = Double.compare(other.score, score);
            if (c == 0) {
                c = Integer.compare(token, other.token);
            }
            return c != 0 ? c : Integer.compare(beam, other.beam);
        }
    }

    /**
     * What this sentence's K rows do at the next step.
     *
     * @param parentRows for each row, the row of the step's batch whose state it continues (K)
     * @param tokens for each row, the token it feeds (K); {@code <pad>} for an unused row
     * @param fates what became of each continuation looked at in this step, best first (none once
     *     the sentence is done)
     */
    record Continuation(long[] parentRows, long[] tokens, List<Fate> fates) {}

    /**
     * What became of one continuation the step looked at: the best 2K of the K·V are looked at.
     *
     * @param parent the index, among the live hypotheses before the step (best first), of the one
     *     it extends
     * @param token the token it adds
     * @param logProbSum {@code log P(y_1..y_t | x)} of the extended prefix
     * @param status {@link CandidateStatus#LIVE} (it stays in the beam), {@link
     *     CandidateStatus#FINISHED} ({@code <eos>} among the first K) or {@link
     *     CandidateStatus#PRUNED}
     * @param completion {@link CandidateStatus#FINISHED}, or {@link CandidateStatus#CUT} for a live
     *     one finalised at the maximum length; null if it left the beam incomplete or stays live
     * @param score its final score ({@link BeamScoring#score}) when completed, NaN otherwise
     */
    record Fate(
            int parent,
            int token,
            double logProbSum,
            CandidateStatus status,
            CandidateStatus completion,
            double score) {}

    private final int size;
    private final int nBest;
    private final int sourceLength;
    private final int maxLength;
    private final BeamScoring scoring;
    private List<Node> live = List.of(new Node(null, Vocabulary.BOS_ID, 0f, null, 0.0, 0));
    private final List<Hypothesis> kept = new ArrayList<>();
    private int finishedCount;
    private boolean done;

    /**
     * Creates the beam of one sentence.
     *
     * @param size K, the number of live hypotheses
     * @param nBest N ≤ K, the number of hypotheses to return
     * @param sourceLength S_i, the valid source length ({@code <eos>} included)
     * @param maxLength the maximum number of output tokens; also the largest |Y|
     * @param scoring the final score of a hypothesis
     */
    Beam(int size, int nBest, int sourceLength, int maxLength, BeamScoring scoring) {
        this.size = size;
        this.nBest = nBest;
        this.sourceLength = sourceLength;
        this.maxLength = maxLength;
        this.scoring = scoring;
    }

    /**
     * Returns whether this sentence needs no more steps.
     *
     * @return true once done
     */
    boolean isDone() {
        return done;
    }

    /**
     * Returns the best finished hypotheses (and, if the maximum length was reached, the cut ones),
     * best first.
     *
     * @return up to N hypotheses
     */
    List<Hypothesis> nBest() {
        return List.copyOf(kept);
    }

    /**
     * Advances this sentence by one step. Among the K·V continuations of its live hypotheses,
     * ranked by raw log-probability, an {@code <eos>} among the first K finishes a hypothesis, and
     * the best K others become the new live hypotheses. A continuation that reaches the maximum
     * length is finalised unfinished.
     *
     * @param firstRow this sentence's first row in the step's batch; its live hypotheses occupy the
     *     rows from there
     * @param step the step's log-probabilities (N, V) and attention weights (N, S) or none, N = B
     *     at the first step and B·K after
     * @return for each of this sentence's K rows, the row it continues and the token it feeds, and
     *     the fate of each continuation looked at
     */
    Continuation advance(int firstRow, StepOutput step) {
        long[] parents = new long[size];
        long[] tokens = new long[size];
        List<Node> next = new ArrayList<>(size);
        List<Fate> fates = new ArrayList<>(2 * size);
        if (!done) {
            int v = step.vocabularySize();
            List<Candidate> ranked = best(firstRow, step, Math.min(2 * size, live.size() * v));
            for (int r = 0; r < ranked.size(); r++) {
                Candidate c = ranked.get(r);
                boolean eos = c.token() == Vocabulary.EOS_ID;
                if (next.size() == size || (eos && r >= size)) {
                    // the beam is full, or an <eos> outside the first K, which finishes nothing
                    fates.add(fate(c, CandidateStatus.PRUNED, null, Double.NaN));
                    continue;
                }
                Node node = extend(firstRow, c, step);
                if (eos) {
                    double score = keep(node, true);
                    finishedCount++;
                    fates.add(fate(c, CandidateStatus.FINISHED, CandidateStatus.FINISHED, score));
                } else {
                    parents[next.size()] = firstRow + c.beam();
                    tokens[next.size()] = c.token();
                    next.add(node);
                    fates.add(fate(c, CandidateStatus.LIVE, null, Double.NaN));
                }
            }
            if (!next.isEmpty() && next.get(0).length() >= maxLength) {
                for (int f = 0, n = 0; f < fates.size(); f++) { // the live ones, in order
                    Fate fate = fates.get(f);
                    if (fate.status() == CandidateStatus.LIVE) {
                        double score = keep(next.get(n++), false);
                        fates.set(f, fate(fate, CandidateStatus.CUT, score));
                    }
                }
                next.clear();
            }
            live = next;
            done = live.isEmpty() || finishedCount >= size || cannotImprove();
        }
        for (int k = next.size(); k < size; k++) {
            parents[k] = firstRow; // an unused row: any state will do
            tokens[k] = Vocabulary.PAD_ID;
        }
        return new Continuation(parents, tokens, List.copyOf(fates));
    }

    private static Fate fate(
            Candidate c, CandidateStatus status, CandidateStatus completion, double score) {
        return new Fate(c.beam(), c.token(), c.score(), status, completion, score);
    }

    private static Fate fate(Fate live, CandidateStatus completion, double score) {
        return new Fate(
                live.parent(), live.token(), live.logProbSum(), live.status(), completion, score);
    }

    /** Returns the node of a continuation, with its log-probability and attention row. */
    private Node extend(int firstRow, Candidate c, StepOutput step) {
        int row = firstRow + c.beam();
        Node parent = live.get(c.beam());
        return new Node(
                parent,
                c.token(),
                step.logProb(row, c.token()),
                step.attention(row, sourceLength), // (S_i) or null
                c.score(),
                parent.length() + 1);
    }

    /** Whether N hypotheses are kept and no live one can reach a score above the N-th. */
    private boolean cannotImprove() {
        return kept.size() >= nBest
                && scoring.bound(live.get(0).logProbSum(), maxLength)
                        <= kept.get(nBest - 1).score();
    }

    /** Returns the best {@code n} continuations, best first. */
    private List<Candidate> best(int firstRow, StepOutput step, int n) {
        PriorityQueue<Candidate> heap = new PriorityQueue<>(n, Comparator.reverseOrder());
        for (int k = 0; k < live.size(); k++) {
            double prefix = live.get(k).logProbSum();
            for (int j = 0; j < step.candidates(); j++) { // all V, or the row's most probable
                int y = step.candidateToken(firstRow + k, j);
                double score = prefix + step.candidateLogProb(firstRow + k, j);
                if (heap.size() < n) {
                    heap.add(new Candidate(k, y, score));
                } else if (score >= heap.peek().score()) { // most continuations stop here
                    Candidate c = new Candidate(k, y, score);
                    if (c.compareTo(heap.peek()) < 0) {
                        heap.poll();
                        heap.add(c);
                    }
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>(heap);
        Collections.sort(ranked);
        return ranked;
    }

    /**
     * Scores a hypothesis and inserts it into the kept list (best first, at most N).
     *
     * @return its score
     */
    private double keep(Node node, boolean finished) {
        Hypothesis h = hypothesis(node, finished);
        int at = 0;
        while (at < kept.size() && kept.get(at).score() >= h.score()) {
            at++;
        }
        if (at < nBest) {
            kept.add(at, h);
            if (kept.size() > nBest) {
                kept.remove(nBest);
            }
        }
        return h.score();
    }

    private Hypothesis hypothesis(Node node, boolean finished) {
        int t = node.length();
        float[] logProbs = new float[t];
        float[][] attention = node.attention() == null ? null : new float[t][];
        int[] ids = new int[finished ? t - 1 : t];
        for (Node n = node; n.parent() != null; n = n.parent()) {
            int i = n.length() - 1;
            logProbs[i] = n.logProb();
            if (attention != null) {
                attention[i] = n.attention().clone(); // prefixes are shared
            }
            if (i < ids.length) {
                ids[i] = n.token();
            }
        }
        double score = scoring.score(node.logProbSum(), t, attention);
        return new Hypothesis(ids, score, logProbs, attention, finished);
    }
}
