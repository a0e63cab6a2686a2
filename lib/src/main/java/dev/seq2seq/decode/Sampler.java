package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.Shapes;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.Seq2SeqModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Ancestral sampling: at each step every sentence draws its next token from the model's
 * distribution, reshaped by a temperature and optionally truncated to the top k tokens or to the
 * nucleus of mass p (see {@link SamplingDistribution}), until it draws {@code <eos>} or reaches its
 * maximum length {@code a·|x| + b}. The whole batch advances with one decoder step per time step;
 * the drawing happens on the host, from the log-probabilities {@link ScopedStep} copies.
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
public final class Sampler {

    private final Seq2SeqModel model;
    private final SamplingDistribution distribution;
    private final MaxLength maxLength;
    private final Random random;

    private Sampler(Builder builder) {
        this.model = builder.model;
        this.distribution = builder.distribution();
        this.maxLength = new MaxLength(builder.lengthRatio, builder.lengthOffset);
        this.random = new Random(builder.seed);
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
     * @return one hypothesis per sentence, in batch order
     * @throws IllegalArgumentException if a shape is wrong
     */
    public List<Hypothesis> sample(NDArray source, NDArray sourceLengths) {
        Shapes.check("source", source, "B, S", Shapes.ANY, Shapes.ANY);
        int b = (int) source.getShape().get(0);
        Shapes.check("sourceLengths", sourceLengths, "B", b);
        long[] lengths = sourceLengths.toLongArray();
        int[] limit = new int[b];
        int maxSteps = 0;
        List<List<Integer>> tokens = new ArrayList<>(b);
        List<List<Float>> logProbs = new ArrayList<>(b);
        List<List<float[]>> attention = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            limit[i] = maxLength.of(lengths[i]);
            maxSteps = Math.max(maxSteps, limit[i]);
            tokens.add(new ArrayList<>());
            logProbs.add(new ArrayList<>());
            attention.add(new ArrayList<>());
        }
        boolean[] finished = new boolean[b];
        long[] previous = new long[b];
        Arrays.fill(previous, Vocabulary.BOS_ID);
        int active = b;
        try (NDManager manager = NDManager.subManagerOf(source)) {
            ParameterStore ps = new ParameterStore(manager, false);
            long[] rows = new long[b];
            Arrays.setAll(rows, i -> i);
            DecoderState state = ScopedStep.encode(model, ps, manager, source, sourceLengths, rows);
            for (int t = 0; t < maxSteps && active > 0; t++) {
                ScopedStep.Result step = ScopedStep.run(model, ps, manager, previous, state);
                state = step.state();
                int v = step.logProbs().length / b;
                int s = step.attention() == null ? 0 : step.attention().length / b;
                for (int i = 0; i < b; i++) {
                    if (finished[i]) {
                        previous[i] = Vocabulary.PAD_ID;
                        continue;
                    }
                    double[] p = distribution.probabilities(step.logProbs(), i * v, v);
                    int y = SamplingDistribution.draw(p, random);
                    logProbs.get(i).add(step.logProbs()[i * v + y]);
                    if (s > 0) {
                        int from = i * s;
                        float[] row = step.attention();
                        attention
                                .get(i)
                                .add(Arrays.copyOfRange(row, from, from + (int) lengths[i]));
                    }
                    if (y == Vocabulary.EOS_ID) {
                        finished[i] = true;
                    } else {
                        tokens.get(i).add(y);
                        finished[i] = tokens.get(i).size() >= limit[i];
                    }
                    active -= finished[i] ? 1 : 0;
                    previous[i] = y;
                }
            }
        }
        List<Hypothesis> result = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            int[] ids = tokens.get(i).stream().mapToInt(Integer::intValue).toArray();
            float[] lp = new float[logProbs.get(i).size()];
            double score = 0;
            for (int t = 0; t < lp.length; t++) {
                lp[t] = logProbs.get(i).get(t);
                score += lp[t];
            }
            float[][] weights =
                    attention.get(i).isEmpty() ? null : attention.get(i).toArray(new float[0][]);
            result.add(new Hypothesis(ids, score, lp, weights, lp.length == ids.length + 1));
        }
        return result;
    }

    /** Builds a {@link Sampler}: {@code setX} for required values, {@code optX} for optional. */
    public static final class Builder {

        private Seq2SeqModel model;
        private Long seed;
        private double temperature = 1.0;
        private int topK;
        private double topP = 1.0;
        private double lengthRatio = MaxLength.DEFAULT.ratio();
        private int lengthOffset = MaxLength.DEFAULT.offset();

        private Builder() {}

        /**
         * Sets the model (required).
         *
         * @param model the trained model
         * @return this builder
         */
        public Builder setModel(Seq2SeqModel model) {
            this.model = model;
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

        /**
         * Sets the maximum output length {@code a·|x| + b} tokens (default {@code 2·|x| + 10}).
         *
         * @param lengthRatio a ≥ 0
         * @param lengthOffset b ≥ 1
         * @return this builder
         */
        public Builder optMaxLength(double lengthRatio, int lengthOffset) {
            this.lengthRatio = lengthRatio;
            this.lengthOffset = lengthOffset;
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
            if (model == null) {
                throw new IllegalArgumentException("model is required: call setModel");
            }
            if (seed == null) {
                throw new IllegalArgumentException("seed is required: call setSeed");
            }
            distribution(); // validates temperature, top-k and top-p
            return new Sampler(this);
        }
    }
}
