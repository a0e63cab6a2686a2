package dev.seq2seq.data;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Chooses which pairs form each batch. With shuffling on (the default), it shuffles the pairs with
 * a seed that depends on the epoch, cuts them into pools of {@code poolBatches} batches, sorts each
 * pool by length and cuts it into batches, then shuffles the batches: sentences of similar length
 * share a batch, so little compute goes to padding, while each epoch still sees a new order. With
 * shuffling off, batches are consecutive runs of the data in order (for evaluation).
 */
public final class BucketSampler {

    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int poolBatches;

    private BucketSampler(Builder builder) {
        this.batchSize = builder.batchSize;
        this.shuffle = builder.shuffle;
        this.seed = builder.seed;
        this.poolBatches = builder.poolBatches;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the batch size B (the last batch may be smaller).
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Plans the batches of one epoch.
     *
     * @param pairs the encoded pairs
     * @param epoch the epoch number, which varies the shuffle
     * @return for each batch, the indices of its pairs in {@code pairs}
     */
    public List<List<Integer>> batches(List<EncodedPair> pairs, int epoch) {
        List<Integer> order = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            order.add(i);
        }
        if (!shuffle) {
            return cut(order);
        }
        Random random = new Random(seed * 1_000_003L + epoch);
        Collections.shuffle(order, random);
        Comparator<Integer> byLength =
                Comparator.<Integer>comparingInt(i -> pairs.get(i).sourceLength())
                        .thenComparingInt(i -> pairs.get(i).targetLength());
        List<List<Integer>> batches = new ArrayList<>();
        int pool = batchSize * poolBatches;
        for (int start = 0; start < order.size(); start += pool) {
            List<Integer> chunk =
                    new ArrayList<>(order.subList(start, Math.min(order.size(), start + pool)));
            chunk.sort(byLength);
            batches.addAll(cut(chunk));
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /**
     * Returns the fraction of tensor cells that are padding when {@code pairs} are batched as
     * planned, over source and target together ({@code <eos>}/{@code <bos>} counted as tokens).
     *
     * @param pairs the encoded pairs
     * @param plan the batches, as from {@link #batches}
     * @return the padding fraction in [0, 1)
     */
    public static double paddingFraction(List<EncodedPair> pairs, List<List<Integer>> plan) {
        long cells = 0;
        long tokens = 0;
        for (List<Integer> batch : plan) {
            int maxSource = 0;
            int maxTarget = 0;
            for (int i : batch) {
                EncodedPair pair = pairs.get(i);
                maxSource = Math.max(maxSource, pair.sourceLength() + 1);
                maxTarget = Math.max(maxTarget, pair.targetLength() + 1);
                tokens += pair.sourceLength() + 1 + pair.targetLength() + 1;
            }
            cells += (long) batch.size() * (maxSource + maxTarget);
        }
        return cells == 0 ? 0 : 1.0 - (double) tokens / cells;
    }

    private List<List<Integer>> cut(List<Integer> order) {
        List<List<Integer>> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            batches.add(
                    List.copyOf(order.subList(start, Math.min(order.size(), start + batchSize))));
        }
        return batches;
    }

    /** Builds a {@link BucketSampler}. */
    public static final class Builder {
        private int batchSize;
        private boolean shuffle = true;
        private long seed = 42;
        private int poolBatches = 50;

        private Builder() {}

        /**
         * Sets the batch size B (required).
         *
         * @param batchSize the number of pairs per batch
         * @return this builder
         */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets whether to shuffle and bucket by length (default true).
         *
         * @param shuffle whether to shuffle
         * @return this builder
         */
        public Builder optShuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Sets the shuffle seed (default 42).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets how many batches' worth of pairs are sorted by length together (default 50). 1 means
         * no bucketing; larger pools waste less padding but mix less.
         *
         * @param poolBatches the pool size, in batches
         * @return this builder
         */
        public Builder optPoolBatches(int poolBatches) {
            this.poolBatches = poolBatches;
            return this;
        }

        /**
         * Builds the sampler.
         *
         * @return the sampler
         * @throws IllegalArgumentException if the batch size or pool size is not positive
         */
        public BucketSampler build() {
            Preconditions.checkArgument(
                    batchSize >= 1,
                    "BucketSampler needs setBatchSize(n) with n >= 1, got " + batchSize);
            Preconditions.checkArgument(
                    poolBatches >= 1, "poolBatches must be >= 1, got " + poolBatches);
            return new BucketSampler(this);
        }
    }
}
