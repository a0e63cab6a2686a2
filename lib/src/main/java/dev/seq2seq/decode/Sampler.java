package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.util.Preconditions;

import java.util.List;
import java.util.Random;

/**
 * Ancestral sampling: at each step every sentence draws its next token from the model's
 * distribution, reshaped by a temperature and optionally truncated to the top k tokens or to the
 * nucleus of mass p (see {@link SamplingDistribution}), until it draws {@code <eos>} or reaches its
 * maximum length {@code a·|x| + b}. The whole batch advances with one decoder step per time step;
 * the drawing happens on the host, from the log-probabilities {@link ScopedStep} copies. It is the
 * {@link StepwiseSearch} loop, which {@link GreedySearch} shares, with a sampling policy.
 *
 * <p>Each {@link Hypothesis} carries the log-probabilities of the drawn tokens under the
 * <em>model's</em> distribution (τ = 1, no truncation), and its score is their sum: the model's
 * log-probability of the output, comparable with the other searches, not the probability of having
 * drawn it.
 *
 * <p>Randomness comes from one {@link Random} seeded in the builder: a new sampler with the same
 * seed repeats the same draws, and successive calls continue the stream (so they give new samples).
 * Within a call, rows draw in batch order, one number per unfinished sentence per step, so a
 * sentence samples differently alone than in a batch. A sampler is not thread-safe. Shapes: B
 * batch, S source steps, V target vocabulary.
 */
public final class Sampler implements Search {

    private final SamplingDistribution distribution;
    private final StepwiseSearch loop;

    private Sampler(Builder builder) {
        this.distribution = builder.distribution();
        this.loop =
                new StepwiseSearch(
                        builder.model(),
                        builder.maxLength(),
                        TokenChooser.sampling(distribution, new Random(builder.seed)));
    }

    /**
     * Returns the distribution tokens are drawn from.
     *
     * @return the temperature, top-k and top-p
     */
    public SamplingDistribution distribution() {
        return distribution;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder with τ = 1, no top-k, no top-p and maximum length {@code 2·|x| + 10}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Samples one translation per sentence.
     *
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64, {@code <eos>} included
     * @return for each sentence in batch order, a list of its one sample (see {@link #best})
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

    /** Builds a {@link Sampler}: {@code setX} for required values, {@code optX} for optional. */
    public static final class Builder extends SearchBuilder<Builder> {

        private Long seed;
        private double temperature = 1.0;
        private int topK;
        private double topP = 1.0;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the seed of the sampler's {@link Random} (required, for reproducible samples).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the temperature τ (default 1, the model's distribution).
         *
         * @param temperature τ &gt; 0
         * @return this builder
         */
        public Builder optTemperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Keeps only the k most likely tokens at each step (default 0, off).
         *
         * @param topK k ≥ 1, or 0 for off
         * @return this builder
         */
        public Builder optTopK(int topK) {
            this.topK = topK;
            return this;
        }

        /**
         * Keeps only the nucleus: the smallest set of most likely tokens with mass ≥ p (default 1,
         * off).
         *
         * @param topP p in (0, 1]
         * @return this builder
         */
        public Builder optTopP(double topP) {
            this.topP = topP;
            return this;
        }

        private SamplingDistribution distribution() {
            return new SamplingDistribution(temperature, topK, topP);
        }

        /**
         * Builds the sampler.
         *
         * @return the sampler
         * @throws IllegalArgumentException naming the first wrong or missing value
         */
        public Sampler build() {
            model(); // required
            Preconditions.checkArgument(seed != null, "seed is required: call setSeed");
            distribution(); // validates temperature, top-k and top-p
            return new Sampler(this);
        }
    }
}
