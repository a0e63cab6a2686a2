package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * A search: turns a batch of encoded source sentences into output hypotheses with a trained model.
 * {@link GreedySearch}, {@link BeamSearch} and {@link Sampler} implement it, and a {@link
 * Translator} takes any of them.
 *
 * <pre>{@code
 * Search search = BeamSearch.builder().setModel(model).optBeamSize(4).build();
 * List<Hypothesis> best = search.best(source, sourceLengths); // one per sentence
 * }</pre>
 *
 * <p>Shapes: B batch, S source steps (padded).
 */
public interface Search {

    /**
     * Translates a batch, keeping every hypothesis the search returns.
     *
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64, {@code <eos>} included
     * @return for each sentence in batch order, its hypotheses best first (one for greedy search
     *     and sampling, up to N for beam search)
     * @throws IllegalArgumentException if a shape is wrong
     */
    List<List<Hypothesis>> search(NDArray source, NDArray sourceLengths);

    /**
     * Translates a batch, keeping each sentence's best hypothesis.
     *
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64, {@code <eos>} included
     * @return one hypothesis per sentence, in batch order
     * @throws IllegalArgumentException if a shape is wrong
     */
    default List<Hypothesis> best(NDArray source, NDArray sourceLengths) {
        return search(source, sourceLengths).stream().map(list -> list.get(0)).toList();
    }
}
