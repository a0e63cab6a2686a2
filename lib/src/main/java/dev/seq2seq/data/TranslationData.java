package dev.seq2seq.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A parallel corpus made ready for training and evaluation in one call: read, sampled (for the
 * quick profile), split by source sentence, tokenized, with vocabularies built from the training
 * split and encoded, length-filtered datasets. Notebooks and the command line share it, so that
 * they prepare data the same way.
 *
 * @param corpus the corpus as read (before sampling)
 * @param sourceLanguage the language of the first column
 * @param targetLanguage the language of the second column
 * @param split the train / validation / test split of the (sampled) pairs
 * @param sourceTokenizer the source tokenizer
 * @param targetTokenizer the target tokenizer
 * @param sourceVocabulary the source vocabulary, from the training split
 * @param targetVocabulary the target vocabulary, from the training split
 * @param train the encoded training pairs
 * @param valid the encoded validation pairs
 * @param test the encoded test pairs
 * @param settings how the corpus was prepared (everything the builder took but the file)
 * @param truecaser restores the case of target words, learned from the cased training targets; null
 *     for {@link Units#CHARACTERS}, whose targets keep their case
 */
public record TranslationData(
        ParallelCorpus corpus,
        Language sourceLanguage,
        Language targetLanguage,
        CorpusSplit split,
        SentenceTokenizer sourceTokenizer,
        SentenceTokenizer targetTokenizer,
        Vocabulary sourceVocabulary,
        Vocabulary targetVocabulary,
        Seq2SeqDataset train,
        Seq2SeqDataset valid,
        Seq2SeqDataset test,
        DataSettings settings,
        Truecaser truecaser) {

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the test split grouped by source sentence, with all references of each.
     *
     * @return the multi-reference test set
     */
    public List<ReferenceGroup> testReferences() {
        return CorpusSplit.references(split.test());
    }

    /**
     * Returns the byte-pair encoding merges of the two sides.
     *
     * @return the merges the tokenizers apply, or null for word tokens
     */
    public SubwordCodes subwords() {
        if (sourceTokenizer.subwords() == null) {
            return null;
        }
        return new SubwordCodes(
                sourceTokenizer.subwords().codes(), targetTokenizer.subwords().codes());
    }

    /**
     * Returns the detokenizer of the target side, which rejoins subword units if there are any and
     * keeps the models' lower case.
     *
     * @return the target detokenizer
     */
    public Detokenizer detokenizer() {
        return settings.units().detokenizer(targetLanguage, targetTokenizer, null);
    }

    /**
     * Returns the detokenizer of the target side that also restores case with {@link #truecaser},
     * so that output is cased like the references.
     *
     * @return the truecasing target detokenizer
     */
    public Detokenizer casedDetokenizer() {
        return settings.units().detokenizer(targetLanguage, targetTokenizer, truecaser);
    }

    /** Builds {@link TranslationData}. */
    public static final class Builder {
        private Path file;
        private Language source;
        private Language target;
        private int maxPairs;
        private double validFraction;
        private double testFraction;
        private int minFrequency;
        private int maxSourceLength;
        private int maxTargetLength;
        private long seed;
        private int bpeMerges;
        private boolean bpeSeparate;
        private double bpeDropout;
        private Units units;

        private Builder() {
            optSettings(DataSettings.defaults());
        }

        /**
         * @param file the TSV corpus (required)
         * @return this builder
         */
        public Builder setFile(Path file) {
            this.file = file;
            return this;
        }

        /**
         * Sets the languages of the two columns (default English to French).
         *
         * @param source the first column's language
         * @param target the second column's language
         * @return this builder
         */
        public Builder optLanguages(Language source, Language target) {
            this.source = source;
            this.target = target;
            return this;
        }

        /**
         * @param maxPairs use a seeded sample of at most this many pairs (default all)
         * @return this builder
         */
        public Builder optMaxPairs(int maxPairs) {
            this.maxPairs = maxPairs;
            return this;
        }

        /**
         * Sets the fractions of source sentences held out (default 5% and 5%).
         *
         * @param valid the validation fraction
         * @param test the test fraction
         * @return this builder
         */
        public Builder optSplit(double valid, double test) {
            this.validFraction = valid;
            this.testFraction = test;
            return this;
        }

        /**
         * @param minFrequency vocabulary minimum count (default 2)
         * @return this builder
         */
        public Builder optMinFrequency(int minFrequency) {
            this.minFrequency = minFrequency;
            return this;
        }

        /**
         * Sets the length filter in words (default 16 and 20, which keeps every pair of the bundled
         * corpus), counted before byte-pair encoding.
         *
         * @param maxSource the longest source kept
         * @param maxTarget the longest target kept
         * @return this builder
         */
        public Builder optMaxLengths(int maxSource, int maxTarget) {
            this.maxSourceLength = maxSource;
            this.maxTargetLength = maxTarget;
            return this;
        }

        /**
         * @param seed the sampling and split seed (default 2026)
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Splits words into subword units with byte-pair encoding learned from the training split
         * (Sennrich et al. 2016) (default 0: word tokens).
         *
         * @param merges the number of merges to learn, 0 for word tokens
         * @return this builder
         */
        public Builder optBpe(int merges) {
            this.bpeMerges = merges;
            return this;
        }

        /**
         * Learns separate merges for source and target instead of one joint set (default joint).
         *
         * @param separate true for separate merges
         * @return this builder
         */
        public Builder optBpeSeparate(boolean separate) {
            this.bpeSeparate = separate;
            return this;
        }

        /**
         * Re-encodes the training split every epoch with BPE-dropout (Provilkov et al. 2020)
         * (default 0: the deterministic encoding). The vocabularies then also hold every character
         * of the training words, the finest split dropout can reach. Needs {@link #optBpe} &gt; 0.
         *
         * @param rate the probability of skipping each applicable merge, in [0, 1); 0.1 in the
         *     paper
         * @return this builder
         */
        public Builder optBpeDropout(double rate) {
            this.bpeDropout = rate;
            return this;
        }

        /**
         * Sets what the model reads and writes (default {@link Units#WORDS}); {@link
         * Units#CHARACTERS} for spelling to sound: each source word split into its characters, each
         * target into its space-separated phonemes.
         *
         * @param units the units
         * @return this builder
         */
        public Builder optUnits(Units units) {
            this.units = units;
            return this;
        }

        /**
         * Sets every preparation setting at once, e.g. those a trained model recorded.
         *
         * @param settings the languages, sample size, split, minimum count, lengths and seed
         * @return this builder
         */
        public Builder optSettings(DataSettings settings) {
            this.source = settings.sourceLanguage();
            this.target = settings.targetLanguage();
            this.maxPairs = settings.maxPairs();
            this.validFraction = settings.validFraction();
            this.testFraction = settings.testFraction();
            this.minFrequency = settings.minFrequency();
            this.maxSourceLength = settings.maxSourceLength();
            this.maxTargetLength = settings.maxTargetLength();
            this.seed = settings.seed();
            this.bpeMerges = settings.bpeMerges();
            this.bpeSeparate = settings.bpeSeparate();
            this.bpeDropout = settings.bpeDropout();
            this.units = settings.units();
            return this;
        }

        /**
         * Reads and prepares the data.
         *
         * @return the prepared data
         * @throws DataFileException if the corpus cannot be read
         * @throws IllegalStateException if no file was set
         * @throws IllegalArgumentException if BPE-dropout is outside [0, 1) or set for word tokens
         */
        public TranslationData build() {
            if (file == null) {
                throw new IllegalStateException("TranslationData needs setFile(path)");
            }
            ParallelCorpus corpus = TsvCorpusReader.readDefault(file);
            List<SentencePair> pairs = corpus.sample(maxPairs, seed).pairs();
            CorpusSplit split = CorpusSplit.bySource(pairs, validFraction, testFraction, seed);
            DataSettings settings =
                    new DataSettings(
                            source,
                            target,
                            maxPairs,
                            validFraction,
                            testFraction,
                            minFrequency,
                            maxSourceLength,
                            maxTargetLength,
                            seed,
                            bpeMerges,
                            bpeSeparate,
                            bpeDropout,
                            units);
            SentenceTokenizer sourceTokenizer = units.sourceTokenizer(source);
            SentenceTokenizer targetTokenizer = units.targetTokenizer(target);
            if (bpeMerges > 0) {
                SubwordCodes codes =
                        SubwordCodes.learn(
                                split.train(), sourceTokenizer, targetTokenizer, settings);
                sourceTokenizer = SentenceTokenizer.of(source, codes.source());
                targetTokenizer = SentenceTokenizer.of(target, codes.target());
            }
            int vocabularyMinimum = bpeMerges > 0 || units == Units.CHARACTERS ? 1 : minFrequency;
            VocabularyBuilder sourceCounts =
                    Vocabulary.builder().optMinFrequency(vocabularyMinimum);
            VocabularyBuilder targetCounts =
                    Vocabulary.builder().optMinFrequency(vocabularyMinimum);
            for (SentencePair pair : split.train()) {
                sourceCounts.add(sourceTokenizer.tokenize(pair.source()));
                targetCounts.add(targetTokenizer.tokenize(pair.target()));
                if (bpeDropout > 0) { // every unit dropout can produce is known
                    sourceCounts.add(characters(sourceTokenizer, pair.source()));
                    targetCounts.add(characters(targetTokenizer, pair.target()));
                }
            }
            Vocabulary sourceVocabulary = sourceCounts.build();
            Vocabulary targetVocabulary = targetCounts.build();
            if (bpeMerges > 0) { // units outside a side's vocabulary are split back (unseen text)
                sourceTokenizer =
                        SentenceTokenizer.of(
                                source, sourceTokenizer.subwords().codes(), sourceVocabulary);
                targetTokenizer =
                        SentenceTokenizer.of(
                                target, targetTokenizer.subwords().codes(), targetVocabulary);
            }
            Seq2SeqDataset.Builder encoder =
                    Seq2SeqDataset.builder()
                            .setTokenizers(sourceTokenizer, targetTokenizer)
                            .setVocabularies(sourceVocabulary, targetVocabulary)
                            .optMaxLengths(maxSourceLength, maxTargetLength);
            Seq2SeqDataset train =
                    encoder.setPairs(split.train()).optBpeDropout(bpeDropout, seed).build();
            encoder.optBpeDropout(0, seed); // validation and test pairs: deterministic units
            return new TranslationData(
                    corpus,
                    source,
                    target,
                    split,
                    sourceTokenizer,
                    targetTokenizer,
                    sourceVocabulary,
                    targetVocabulary,
                    train,
                    encoder.setPairs(split.valid()).build(),
                    encoder.setPairs(split.test()).build(),
                    settings,
                    units == Units.WORDS ? Truecaser.fromTargets(target, split.train()) : null);
        }

        private static List<String> characters(SentenceTokenizer tokenizer, String sentence) {
            return tokenizer.subwords().characters(tokenizer.words(sentence));
        }
    }
}
