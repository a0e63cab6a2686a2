package dev.seq2seq.data;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Sentence pairs encoded as token ids, ready to be cut into padded batches.
 *
 * <p>Encoding tokenizes each side, maps tokens to ids, and skips (and counts, in {@link #report()})
 * pairs longer than the maximum lengths. Batches come from {@link #batches}, in the order a {@link
 * BucketSampler} chooses; each {@link Seq2SeqBatch} owns its tensors and must be closed.
 *
 * <p>With {@link Builder#optBpeDropout} (training pairs of subword models only), each epoch's
 * batches are re-encoded with BPE-dropout (Provilkov et al. 2020): the same pairs, split into
 * subword units differently every epoch; {@link #pairs()} stays the deterministic encoding.
 */
public final class Seq2SeqDataset {

    private final List<EncodedPair> pairs;
    private final LengthFilterReport report;
    private final BpeDropoutPairs dropout;

    private Seq2SeqDataset(
            List<EncodedPair> pairs, LengthFilterReport report, BpeDropoutPairs dropout) {
        this.pairs = List.copyOf(pairs);
        this.report = report;
        this.dropout = dropout;
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
     * Returns the number of encoded pairs.
     *
     * @return the pair count
     */
    public int size() {
        return pairs.size();
    }

    /**
     * Returns the encoded pairs.
     *
     * @return the pairs; {@link EncodedPair#index()} points into the list given to the builder
     */
    public List<EncodedPair> pairs() {
        return pairs;
    }

    /**
     * Returns the encoded pairs as one epoch's batches see them: with BPE-dropout, a segmentation
     * of their own (the same for the same epoch); otherwise {@link #pairs()}.
     *
     * @param epoch the epoch number
     * @return the pairs, in the order and with the indices of {@link #pairs()}
     */
    public List<EncodedPair> pairs(int epoch) {
        return dropout == null ? pairs : dropout.epoch(epoch);
    }

    /**
     * Returns what encoding kept and skipped.
     *
     * @return the report
     */
    public LengthFilterReport report() {
        return report;
    }

    /**
     * Returns the total number of target tokens, {@code <eos>} included: the tokens a model
     * predicts in one epoch.
     *
     * @return the target token count
     */
    public long targetTokens() {
        long total = 0;
        for (EncodedPair pair : pairs) {
            total += pair.targetLength() + 1;
        }
        return total;
    }

    /**
     * Iterates over the batches of one epoch. Each batch's tensors live in a sub-manager of {@code
     * manager}; close each batch when done with it (try-with-resources).
     *
     * @param manager the parent manager (and device) of the batches
     * @param sampler chooses which pairs go together and in which order
     * @param epoch the epoch number, which varies the shuffle (and the BPE-dropout segmentation)
     * @return the batches, created lazily
     */
    public Iterable<Seq2SeqBatch> batches(NDManager manager, BucketSampler sampler, int epoch) {
        List<EncodedPair> pairs = pairs(epoch);
        List<List<Integer>> plan = sampler.batches(pairs, epoch);
        return () ->
                new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < plan.size();
                    }

                    @Override
                    public Seq2SeqBatch next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        List<EncodedPair> members = new ArrayList<>();
                        for (int i : plan.get(next)) {
                            members.add(pairs.get(i));
                        }
                        next++;
                        return Seq2SeqBatch.create(manager, members, next, plan.size());
                    }
                };
    }

    /** Builds a {@link Seq2SeqDataset} by tokenizing, encoding and length-filtering pairs. */
    public static final class Builder {
        private List<SentencePair> pairs;
        private SentenceTokenizer sourceTokenizer;
        private SentenceTokenizer targetTokenizer;
        private Vocabulary sourceVocabulary;
        private Vocabulary targetVocabulary;
        private int maxSourceLength = Integer.MAX_VALUE;
        private int maxTargetLength = Integer.MAX_VALUE;
        private double bpeDropout;
        private long bpeDropoutSeed;

        private Builder() {}

        /**
         * Sets the pairs to encode (required).
         *
         * @param pairs the pairs
         * @return this builder
         */
        public Builder setPairs(List<SentencePair> pairs) {
            this.pairs = pairs;
            return this;
        }

        /**
         * Sets the source and target tokenizers (required).
         *
         * @param source the source tokenizer
         * @param target the target tokenizer
         * @return this builder
         */
        public Builder setTokenizers(SentenceTokenizer source, SentenceTokenizer target) {
            this.sourceTokenizer = source;
            this.targetTokenizer = target;
            return this;
        }

        /**
         * Sets the source and target vocabularies (required).
         *
         * @param source the source vocabulary
         * @param target the target vocabulary
         * @return this builder
         */
        public Builder setVocabularies(Vocabulary source, Vocabulary target) {
            this.sourceVocabulary = source;
            this.targetVocabulary = target;
            return this;
        }

        /**
         * Skips pairs with more words than this on a side, {@code <eos>} not counted (default
         * unlimited); words, not subword units, so that word and subword models keep the same
         * pairs.
         *
         * @param maxSource the source maximum
         * @param maxTarget the target maximum
         * @return this builder
         */
        public Builder optMaxLengths(int maxSource, int maxTarget) {
            this.maxSourceLength = maxSource;
            this.maxTargetLength = maxTarget;
            return this;
        }

        /**
         * Re-encodes the pairs of each epoch's batches with BPE-dropout (default 0: none). For
         * training pairs only; both tokenizers must split words into subword units.
         *
         * @param rate the probability of skipping each applicable merge, in [0, 1)
         * @param seed the seed each epoch's randomness derives from, with the epoch number
         * @return this builder
         */
        public Builder optBpeDropout(double rate, long seed) {
            this.bpeDropout = rate;
            this.bpeDropoutSeed = seed;
            return this;
        }

        /**
         * Tokenizes, encodes and filters the pairs.
         *
         * @return the dataset
         * @throws IllegalStateException if a required value is missing
         * @throws IllegalArgumentException if a maximum length is not positive, or BPE-dropout is
         *     outside [0, 1) or set for a tokenizer without subwords
         */
        public Seq2SeqDataset build() {
            if (pairs == null || sourceTokenizer == null || sourceVocabulary == null) {
                throw new IllegalStateException(
                        "Seq2SeqDataset needs setPairs, setTokenizers and setVocabularies");
            }
            if (maxSourceLength < 1 || maxTargetLength < 1) {
                throw new IllegalArgumentException(
                        "maximum lengths must be positive, got "
                                + maxSourceLength
                                + ", "
                                + maxTargetLength);
            }
            BpeDropoutPairs dropout =
                    bpeDropout == 0
                            ? null
                            : new BpeDropoutPairs(
                                    bpeDropout,
                                    bpeDropoutSeed,
                                    sourceTokenizer,
                                    targetTokenizer,
                                    sourceVocabulary,
                                    targetVocabulary);
            List<EncodedPair> encoded = new ArrayList<>(pairs.size());
            int sourceTooLong = 0;
            int targetTooLong = 0;
            for (int i = 0; i < pairs.size(); i++) {
                SentencePair pair = pairs.get(i);
                List<String> source = sourceTokenizer.tokenize(pair.source());
                List<String> target = targetTokenizer.tokenize(pair.target());
                if (sourceTokenizer.wordCount(source) > maxSourceLength) {
                    sourceTooLong++;
                } else if (targetTokenizer.wordCount(target) > maxTargetLength) {
                    targetTooLong++;
                } else {
                    encoded.add(
                            new EncodedPair(
                                    sourceVocabulary.encode(source),
                                    targetVocabulary.encode(target),
                                    i));
                    if (dropout != null) {
                        dropout.add(pair, i);
                    }
                }
            }
            LengthFilterReport report =
                    new LengthFilterReport(
                            pairs.size(),
                            encoded.size(),
                            sourceTooLong,
                            targetTooLong,
                            maxSourceLength,
                            maxTargetLength);
            return new Seq2SeqDataset(encoded, report, dropout);
        }
    }
}
