package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.util.Preconditions;

import dev.seq2seq.model.Seq2SeqModel;

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
        this(new StepwiseSearch(model, maxLength, TokenChooser.argMax()));
    }

    private GreedySearch(StepwiseSearch loop) {
        this.loop = loop;
    }

    /**
     * Creates a greedy search that makes one plausible mistake on purpose: at output position
     * {@code position} it takes the token of rank {@code rank} (1 = the model's second choice)
     * instead of the argmax, then continues greedily from its own output. Comparing its
     * translations with plain greedy search measures <b>exposure bias</b> (Bengio et al. 2015;
     * Ranzato et al. 2016): how well a model trained only on reference prefixes continues after an
     * error of its own. Rank 0 is plain greedy search; a sentence that ends before {@code position}
     * is unchanged.
     *
     * @param model the trained model
     * @param position the output position of the mistake, 0 for the first token
     * @param rank the rank of the token taken there, 0 for the argmax
     * @return the search, with the default maximum length {@code 2·|x| + 10}
     * @throws IllegalArgumentException if position or rank is negative
     */
    public static GreedySearch deviating(Seq2SeqModel model, int position, int rank) {
        Preconditions.checkArgument(
                position >= 0 && rank >= 0,
                "position and rank must be >= 0, got " + position + " and " + rank);
        return new GreedySearch(
                new StepwiseSearch(
                        model, MaxLength.DEFAULT, TokenChooser.deviating(position, rank)));
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
