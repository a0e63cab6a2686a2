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
    public static final class Builder extends DataSettingsBuilder<Builder> {

        private Path file;

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
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
            DataSettings settings = settings();
            Language source = settings.sourceLanguage();
            Language target = settings.targetLanguage();
            Units units = settings.units();
            long seed = settings.seed();
            int bpeMerges = settings.bpeMerges();
            double bpeDropout = settings.bpeDropout();
            ParallelCorpus corpus = TsvCorpusReader.readDefault(file);
            List<SentencePair> pairs = corpus.sample(settings.maxPairs(), seed).pairs();
            CorpusSplit split =
                    CorpusSplit.bySource(
                            pairs, settings.validFraction(), settings.testFraction(), seed);
            SentenceTokenizer sourceTokenizer = units.sourceTokenizer(source);
            SentenceTokenizer targetTokenizer = units.targetTokenizer(target);
            if (bpeMerges > 0) {
                SubwordCodes codes =
                        SubwordCodes.learn(
                                split.train(), sourceTokenizer, targetTokenizer, settings);
                sourceTokenizer = SentenceTokenizer.of(source, codes.source());
                targetTokenizer = SentenceTokenizer.of(target, codes.target());
            }
            int vocabularyMinimum =
                    bpeMerges > 0 || units == Units.CHARACTERS ? 1 : settings.minFrequency();
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
                            .optMaxLengths(settings.maxSourceLength(), settings.maxTargetLength());
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
