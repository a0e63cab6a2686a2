package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;

import dev.seq2seq.nn.Seq2SeqModel;

import java.util.List;

/**
 * Greedy search: at each step, every sentence of the batch takes its most likely next token, {@code
 * y_t = argmax p(y | y_<t, x)}, until it emits {@code <eos>} or reaches its maximum length {@code
 * a·|x| + b}. The whole batch advances with one decoder step per time step.
 *
 * <p>It is the {@link StepwiseSearch} loop, which {@link Sampler} shares, with the argmax policy.
 * Ties go to the lowest token id. Shapes: B batch, S source steps, V target vocabulary.
 */
public final class GreedySearch implements Search {

    private final StepwiseSearch loop;

    /**
     * Creates a greedy search.
     *
     * @param model the trained model
     * @param lengthRatio a in the maximum output length {@code a·|x| + b}
     * @param lengthOffset b in the maximum output length
     * @throws IllegalArgumentException if {@code a < 0} or {@code b < 1}
     */
    public GreedySearch(Seq2SeqModel model, double lengthRatio, int lengthOffset) {
        this(model, new MaxLength(lengthRatio, lengthOffset));
    }

    /**
     * Creates a greedy search with the default maximum length {@code 2·|x| + 10}, the same as
     * {@link BeamSearch} and {@link Sampler}.
     *
     * @param model the trained model
     */
    public GreedySearch(Seq2SeqModel model) {
        this(model, MaxLength.DEFAULT);
    }

    private GreedySearch(Seq2SeqModel model, MaxLength maxLength) {
        this.loop = new StepwiseSearch(model, maxLength, TokenChooser.argMax());
    }

    /**
     * Translates a batch.
     *
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64, {@code <eos>} included
     * @return for each sentence in batch order, a list of its one hypothesis (see {@link #best})
     * @throws IllegalArgumentException if a shape is wrong
     */
    @Override
    public List<List<Hypothesis>> search(NDArray source, NDArray sourceLengths) {
        return loop.search(source, sourceLengths).stream().map(List::of).toList();
    }

    /** Returns the maximum output length. */
    MaxLength maxLength() {
        return loop.maxLength();
    }
}
