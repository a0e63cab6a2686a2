package dev.seq2seq.serve;

import dev.seq2seq.decode.BeamSearch;
import dev.seq2seq.decode.GreedySearch;
import dev.seq2seq.decode.Search;
import dev.seq2seq.nn.Seq2SeqModel;

/**
 * The search options of one request. Requests with equal settings can share one batched search, so
 * this record is the key by which {@link BatchingTranslator} groups them.
 *
 * @param beam the beam size K ≥ 1; 1 with {@code alpha} 0 is greedy search
 * @param alpha the GNMT length penalty α ≥ 0
 * @param nbest the hypotheses kept per sentence, 1 to K
 */
public record SearchSettings(int beam, double alpha, int nbest) {

    /** Greedy search, one hypothesis. */
    public static final SearchSettings GREEDY = new SearchSettings(1, 0, 1);

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public SearchSettings {
        if (beam < 1) {
            throw new IllegalArgumentException("beam must be >= 1, got " + beam);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number >= 0, got " + alpha);
        }
        if (nbest < 1 || nbest > beam) {
            throw new IllegalArgumentException(
                    "nbest must be between 1 and beam (" + beam + "), got " + nbest);
        }
    }

    /**
     * Builds the search these settings describe.
     *
     * @param model the model to search with
     * @return greedy search when {@code beam == 1 && alpha == 0}, beam search otherwise
     */
    public Search search(Seq2SeqModel model) {
        if (beam == 1 && alpha == 0) {
            return new GreedySearch(model);
        }
        return BeamSearch.builder()
                .setModel(model)
                .optBeamSize(beam)
                .optNBest(nbest)
                .optLengthPenalty(alpha)
                .build();
    }
}
