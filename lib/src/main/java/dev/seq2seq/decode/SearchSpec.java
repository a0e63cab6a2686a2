package dev.seq2seq.decode;

import ai.djl.util.Preconditions;

import dev.seq2seq.model.Seq2SeqModel;

/**
 * What to search with, validated once: greedy search or beam search with its size K, the GNMT
 * length penalty α, the coverage penalty β (Wu et al. 2016, section 7) and the hypotheses kept per
 * sentence. The command line, the server and the benchmarks all build their search from one of
 * these, so "is this greedy?" has one answer: K = 1 with α = 0 and β = 0 (beam search with K = 1
 * and no penalties finds the same output, see {@code BeamSearchTest}, but greedy search is
 * cheaper).
 *
 * <pre>{@code
 * Search search = new SearchSpec(4, 0.2, 0, 1).search(model); // beam 4, α = 0.2
 * Search greedy = SearchSpec.GREEDY.search(model);
 * }</pre>
 *
 * @param beam the beam size K ≥ 1
 * @param alpha the length penalty α ≥ 0 (0: none)
 * @param coverage the coverage penalty β ≥ 0 (0: none)
 * @param nbest the hypotheses kept per sentence, 1 to K
 */
public record SearchSpec(int beam, double alpha, double coverage, int nbest) {

    /** Greedy search, one hypothesis. */
    public static final SearchSpec GREEDY = new SearchSpec(1, 0, 0, 1);

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the first value out of range and what was expected
     */
    public SearchSpec {
        Preconditions.checkArgument(beam >= 1, "beam must be >= 1, got " + beam);
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a number >= 0, got " + alpha);
        }
        if (!(coverage >= 0) || Double.isInfinite(coverage)) {
            throw new IllegalArgumentException("coverage must be a number >= 0, got " + coverage);
        }
        Preconditions.checkArgument(
                nbest >= 1 && nbest <= beam,
                "nbest must be between 1 and beam (" + beam + "), got " + nbest);
    }

    /**
     * Beam search of size K, one hypothesis, no penalties; greedy search if K = 1.
     *
     * @param beam the beam size K ≥ 1
     * @return the specification
     * @throws IllegalArgumentException if {@code beam < 1}
     */
    public static SearchSpec beam(int beam) {
        return new SearchSpec(beam, 0, 0, 1);
    }

    /**
     * Says whether this is greedy search: K = 1, α = 0 and β = 0.
     *
     * @return true for greedy search
     */
    public boolean isGreedy() {
        return beam == 1 && alpha == 0 && coverage == 0;
    }

    /**
     * Builds the search this specification describes.
     *
     * @param model the trained model to search with
     * @return a {@link GreedySearch} if {@link #isGreedy()}, a {@link BeamSearch} otherwise
     */
    public Search search(Seq2SeqModel model) {
        if (isGreedy()) {
            return new GreedySearch(model);
        }
        return BeamSearch.builder()
                .setModel(model)
                .optBeamSize(beam)
                .optNBest(nbest)
                .optLengthPenalty(alpha)
                .optCoveragePenalty(coverage)
                .build();
    }
}
