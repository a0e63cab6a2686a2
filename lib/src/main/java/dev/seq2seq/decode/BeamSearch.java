package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.util.Preconditions;

import dev.seq2seq.Shapes;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Beam search: each sentence keeps its K most probable partial translations and extends them all by
 * one token per step (Sutskever et al. 2014; scoring after Wu et al. 2016, see {@link
 * BeamScoring}).
 *
 * <pre>{@code
 * BeamSearch beam =
 *         BeamSearch.builder().setModel(model).optBeamSize(5).optLengthPenalty(0.6).build();
 * List<List<Hypothesis>> nBest = beam.search(source, sourceLengths); // best first per sentence
 * }</pre>
 *
 * <p><b>Batching.</b> The first step runs on the B sentences, each beam holding only {@code <bos>};
 * its continuations make the batch B·K rows, sentence {@code i} owning rows {@code i·K .. i·K + K -
 * 1} (the state, memory included, gathered K times). Every time step makes one {@code model.step}
 * call for all of them, then each sentence's {@code Beam} picks its continuations and the recurrent
 * state is gathered into the new row order. When sentences are done, their rows leave the batch
 * (every array of the state, memory included, is gathered into the remaining rows), so the steps
 * that finish the longest sentences do not pay for the short ones.
 *
 * <p><b>One step.</b> Live hypotheses are ranked by their raw log-probability {@code log P(y_1..y_t
 * | x)}: they all have the same length t, so dividing by lp(t) would not change the order. Among
 * the K·V continuations of a sentence, an {@code <eos>} ranked within the first K finishes a
 * hypothesis (scored with {@link BeamScoring#score}); the best K continuations by other tokens
 * become the new live hypotheses. Ties are broken by the lower token id, then the lower beam index
 * (beam 0 being the best live hypothesis), so the search is deterministic and with K = 1 it is
 * exactly {@link GreedySearch}, which also takes the lowest id.
 *
 * <p><b>Stopping.</b> A sentence is done when K hypotheses have finished (the usual rule, as in
 * fairseq: a live one might still have beaten them, but the beam is spent), or when N are kept and
 * no live hypothesis can beat the N-th: its score cannot exceed {@code log P_live / lp(maxLength)}
 * since log-probs only decrease, lp only grows with |Y| and the coverage penalty is ≤ 0 (with α = 0
 * and no normalisation that is the live raw score itself). A sentence that reaches its maximum
 * length {@code a·|x| + b} (|x| without {@code <eos>}) has its live hypotheses finalised
 * unfinished; they compete with the finished ones on the same score. The search ends when every
 * sentence is done.
 *
 * <p><b>Memory.</b> Each step runs in its own scope (as in {@link GreedySearch}), the reordering
 * too; the search keeps no arrays after it returns. Shapes: B batch, K beam size, S source steps, V
 * target vocabulary, T output steps.
 */
public final class BeamSearch implements Search {

    private final Seq2SeqModel model;
    private final int beamSize;
    private final int nBest;
    private final BeamScoring scoring;
    private final MaxLength maxLength;

    private BeamSearch(Builder builder) {
        this.model = builder.model();
        this.beamSize = builder.beamSize;
        this.nBest = builder.nBest;
        this.scoring = builder.scoring();
        this.maxLength = builder.maxLength();
    }

    /**
     * Returns a builder.
     *
     * @return a new builder with K = 4, N = 1, raw log-probability scores and maximum length {@code
     *     2·|x| + 10}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns how complete hypotheses are scored.
     *
     * @return the scoring
     */
    public BeamScoring scoring() {
        return scoring;
    }

    /**
     * Translates a batch.
     *
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64, {@code <eos>} included
     * @return for each sentence in batch order, up to N hypotheses, best (highest {@link
     *     Hypothesis#score()}) first
     * @throws IllegalArgumentException if a shape is wrong
     */
    @Override
    public List<List<Hypothesis>> search(NDArray source, NDArray sourceLengths) {
        return search(source, sourceLengths, null);
    }

    /**
     * Translates one sentence and records its search tree, for teaching (see {@link SearchTree}): a
     * {@link SearchTreeRecorder} reads what became of each continuation after every step of the
     * sentence's beam, which searches as it always does.
     *
     * @param source source ids followed by {@code <eos>}, (1, S) int64
     * @param sourceLengths its length (1) int64
     * @return the tree; {@link SearchTree#best()} is the hypothesis {@link #search} returns first
     * @throws IllegalArgumentException if a shape is wrong or B is not 1
     */
    public SearchTree searchTree(NDArray source, NDArray sourceLengths) {
        Shapes.check("source", source, "B, S", 1, Shapes.ANY);
        SearchTreeRecorder recorder = new SearchTreeRecorder();
        search(source, sourceLengths, recorder);
        return recorder.tree();
    }

    /**
     * Translates a batch, optionally recording the search tree of its one sentence.
     *
     * @param source (B, S) int64
     * @param sourceLengths (B) int64
     * @param recorder records the tree of the batch's only sentence (B = 1), or null for none
     * @return the n-best lists, as {@link #search(NDArray, NDArray)}
     */
    private List<List<Hypothesis>> search(
            NDArray source, NDArray sourceLengths, SearchTreeRecorder recorder) {
        long[] lengths = StepwiseSearch.checkedLengths(source, sourceLengths);
        int b = lengths.length;
        List<Beam> beams = new ArrayList<>(b);
        int maxSteps = 0;
        for (int i = 0; i < b; i++) {
            int limit = maxLength.of(lengths[i]);
            maxSteps = Math.max(maxSteps, limit);
            beams.add(new Beam(beamSize, nBest, (int) lengths[i], limit, scoring));
        }
        try (NDManager manager = NDManager.subManagerOf(source)) {
            ParameterStore ps = new ParameterStore(manager, false);
            long[] rows = new long[b];
            Arrays.setAll(rows, i -> i);
            DecoderState state = ScopedStep.encode(model, ps, manager, source, sourceLengths, rows);
            List<Beam> active = beams;
            int rowsPerBeam = 1; // at the first step every beam holds one hypothesis, <bos>
            long[] tokens = new long[b];
            Arrays.fill(tokens, Vocabulary.BOS_ID);
            for (int t = 0; t < maxSteps && !active.isEmpty(); t++) {
                ScopedStep.Result step = // the best 2K of each row hold the best 2K of the beam
                        ScopedStep.run(model, ps, manager, tokens, state, 2 * beamSize);
                long[] parents = new long[active.size() * beamSize];
                long[] next = new long[parents.length];
                for (int j = 0; j < active.size(); j++) {
                    Beam.Continuation c = active.get(j).advance(j * rowsPerBeam, step.output());
                    if (recorder != null) { // B = 1: this is the sentence's beam
                        recorder.record(c.fates());
                    }
                    System.arraycopy(c.parentRows(), 0, parents, j * beamSize, beamSize);
                    System.arraycopy(c.tokens(), 0, next, j * beamSize, beamSize);
                }
                List<Beam> unfinished = active.stream().filter(beam -> !beam.isDone()).toList();
                if (unfinished.size() == active.size() && rowsPerBeam == beamSize) {
                    state = StateGather.recurrent(manager, step.state(), parents);
                    tokens = next;
                } else { // sentences left the batch, or the K rows of each beam are made
                    long[] kept = new long[unfinished.size() * beamSize];
                    tokens = new long[kept.length];
                    for (int j = 0, u = 0; j < active.size(); j++) {
                        if (!active.get(j).isDone()) {
                            System.arraycopy(parents, j * beamSize, kept, u, beamSize);
                            System.arraycopy(next, j * beamSize, tokens, u, beamSize);
                            u += beamSize;
                        }
                    }
                    state = StateGather.all(manager, step.state(), kept);
                    active = unfinished;
                }
                rowsPerBeam = beamSize;
            }
        }
        List<List<Hypothesis>> result = new ArrayList<>(b);
        for (Beam beam : beams) {
            result.add(beam.nBest());
        }
        return result;
    }

    /** Builds a {@link BeamSearch}: {@code setX} for required values, {@code optX} for optional. */
    public static final class Builder extends SearchBuilder<Builder> {

        private int beamSize = 4;
        private int nBest = 1;
        private double alpha;
        private boolean lengthNormalization;
        private double beta;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the beam size K, the live hypotheses per sentence (default 4).
         *
         * @param beamSize K ≥ 1; 1 is greedy search
         * @return this builder
         */
        public Builder optBeamSize(int beamSize) {
            this.beamSize = beamSize;
            return this;
        }

        /**
         * Sets how many hypotheses to return per sentence (default 1).
         *
         * @param nBest N, 1 ≤ N ≤ K
         * @return this builder
         */
        public Builder optNBest(int nBest) {
            this.nBest = nBest;
            return this;
        }

        /**
         * Sets the GNMT length penalty {@code lp(Y) = ((5 + |Y|) / 6)^α} (default α = 0, none).
         *
         * @param alpha α ≥ 0; Wu et al. found 0.6 to 0.7 best
         * @return this builder
         */
        public Builder optLengthPenalty(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * Divides each log-probability by |Y| instead, ranking by the average log-probability per
         * step (default false). Cannot be combined with α &gt; 0.
         *
         * @param lengthNormalization whether to normalise by length
         * @return this builder
         */
        public Builder optLengthNormalization(boolean lengthNormalization) {
            this.lengthNormalization = lengthNormalization;
            return this;
        }

        /**
         * Sets the coverage penalty weight β (default 0, none); ignored for a model without
         * attention.
         *
         * @param beta β ≥ 0
         * @return this builder
         */
        public Builder optCoveragePenalty(double beta) {
            this.beta = beta;
            return this;
        }

        private BeamScoring scoring() {
            return new BeamScoring(alpha, lengthNormalization, beta);
        }

        /**
         * Builds the search.
         *
         * @return the search
         * @throws IllegalArgumentException naming the first wrong value
         */
        public BeamSearch build() {
            model(); // required
            Preconditions.checkArgument(beamSize >= 1, "beam size K must be >= 1, got " + beamSize);
            Preconditions.checkArgument(
                    nBest >= 1 && nBest <= beamSize,
                    "n-best N must be in [1, K=" + beamSize + "], got " + nBest);
            scoring(); // validates alpha, beta and their combination
            return new BeamSearch(this);
        }
    }
}
