package dev.seq2seq.serve;

import dev.seq2seq.decode.Search;
import dev.seq2seq.decode.SearchSpec;
import dev.seq2seq.model.Seq2SeqModel;

/**
 * The search options of one request: the part of a {@link SearchSpec} the API offers (no coverage
 * penalty). Requests with equal settings can share one batched search, so this record is the key by
 * which {@link BatchingTranslator} groups them.
 *
 * @param beam the beam size K ≥ 1; 1 with {@code alpha} 0 is greedy search
 * @param alpha the GNMT length penalty α ≥ 0
 * @param nbest the hypotheses kept per sentence, 1 to K
 */
public record SearchSettings(int beam, double alpha, int nbest) {

    /** Greedy search, one hypothesis. */
    public static final SearchSettings GREEDY = new SearchSettings(1, 0, 1);

    /**
     * Checks the ranges, as {@link SearchSpec} does.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public SearchSettings {
        new SearchSpec(beam, alpha, 0, nbest);
    }

    /**
     * Returns the search specification of these settings.
     *
     * @return beam, alpha and nbest, with no coverage penalty
     */
    public SearchSpec spec() {
        return new SearchSpec(beam, alpha, 0, nbest);
    }

    /**
     * Builds the search these settings describe.
     *
     * @param model the model to search with
     * @return greedy search when {@code beam == 1 && alpha == 0}, beam search otherwise
     */
    public Search search(Seq2SeqModel model) {
        return spec().search(model);
    }
}
