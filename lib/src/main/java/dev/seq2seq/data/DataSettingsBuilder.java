package dev.seq2seq.data;

/**
 * The options of {@link DataSettings}, in one place for the two builders that take them: {@link
 * DataSettings#builder()} (the settings alone) and {@link TranslationData#builder()} (the settings
 * and a corpus to prepare with them). Each option starts at its default, given in its javadoc and
 * gathered in {@link DataSettings#defaults()}.
 *
 * @param <B> the builder's own type, which every option returns
 */
public abstract class DataSettingsBuilder<B extends DataSettingsBuilder<B>> {

    private Language source = Language.ENGLISH;
    private Language target = Language.FRENCH;
    private int maxPairs = Integer.MAX_VALUE;
    private double validFraction = 0.05;
    private double testFraction = 0.05;
    private int minFrequency = 2;
    private int maxSourceLength = 16;
    private int maxTargetLength = 20;
    private long seed = 2026;
    private int bpeMerges;
    private boolean bpeSeparate;
    private double bpeDropout;
    private Units units = Units.WORDS;

    /** Starts from the defaults. */
    protected DataSettingsBuilder() {}

    /**
     * Returns this builder as its own type.
     *
     * @return this
     */
    protected abstract B self();

    /**
     * Sets the languages of the two columns (default English to French).
     *
     * @param source the first column's language
     * @param target the second column's language
     * @return this builder
     */
    public B optLanguages(Language source, Language target) {
        this.source = source;
        this.target = target;
        return self();
    }

    /**
     * @param maxPairs use a seeded sample of at most this many pairs (default all)
     * @return this builder
     */
    public B optMaxPairs(int maxPairs) {
        this.maxPairs = maxPairs;
        return self();
    }

    /**
     * Sets the fractions of source sentences held out (default 5% and 5%).
     *
     * @param valid the validation fraction
     * @param test the test fraction
     * @return this builder
     */
    public B optSplit(double valid, double test) {
        this.validFraction = valid;
        this.testFraction = test;
        return self();
    }

    /**
     * @param minFrequency vocabulary minimum count (default 2)
     * @return this builder
     */
    public B optMinFrequency(int minFrequency) {
        this.minFrequency = minFrequency;
        return self();
    }

    /**
     * Sets the length filter in words (default 16 and 20, which keeps every pair of the bundled
     * corpus), counted before byte-pair encoding.
     *
     * @param maxSource the longest source kept
     * @param maxTarget the longest target kept
     * @return this builder
     */
    public B optMaxLengths(int maxSource, int maxTarget) {
        this.maxSourceLength = maxSource;
        this.maxTargetLength = maxTarget;
        return self();
    }

    /**
     * @param seed the sampling and split seed (default 2026)
     * @return this builder
     */
    public B optSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * Splits words into subword units with byte-pair encoding learned from the training split
     * (Sennrich et al. 2016) (default 0: word tokens).
     *
     * @param merges the number of merges to learn, 0 for word tokens
     * @return this builder
     */
    public B optBpe(int merges) {
        this.bpeMerges = merges;
        return self();
    }

    /**
     * Learns separate merges for source and target instead of one joint set (default joint).
     *
     * @param separate true for separate merges
     * @return this builder
     */
    public B optBpeSeparate(boolean separate) {
        this.bpeSeparate = separate;
        return self();
    }

    /**
     * Re-encodes the training split every epoch with BPE-dropout (Provilkov et al. 2020) (default
     * 0: the deterministic encoding). The vocabularies then also hold every character of the
     * training words, the finest split dropout can reach. Needs {@link #optBpe} &gt; 0.
     *
     * @param rate the probability of skipping each applicable merge, in [0, 1); 0.1 in the paper
     * @return this builder
     */
    public B optBpeDropout(double rate) {
        this.bpeDropout = rate;
        return self();
    }

    /**
     * Sets what the model reads and writes (default {@link Units#WORDS}); {@link Units#CHARACTERS}
     * for spelling to sound: each source word split into its characters, each target into its
     * space-separated phonemes.
     *
     * @param units the units
     * @return this builder
     */
    public B optUnits(Units units) {
        this.units = units;
        return self();
    }

    /**
     * Sets every option at once, e.g. to those a trained model recorded.
     *
     * @param settings the languages, sample size, split, minimum count, lengths, seed, subword
     *     options and units
     * @return this builder
     */
    public B optSettings(DataSettings settings) {
        optLanguages(settings.sourceLanguage(), settings.targetLanguage());
        optMaxPairs(settings.maxPairs());
        optSplit(settings.validFraction(), settings.testFraction());
        optMinFrequency(settings.minFrequency());
        optMaxLengths(settings.maxSourceLength(), settings.maxTargetLength());
        optSeed(settings.seed());
        optBpe(settings.bpeMerges());
        optBpeSeparate(settings.bpeSeparate());
        optBpeDropout(settings.bpeDropout());
        return optUnits(settings.units());
    }

    /**
     * Returns the settings the options give.
     *
     * @return the settings
     * @throws IllegalArgumentException as {@link DataSettings}' constructor
     */
    protected final DataSettings settings() {
        return new DataSettings(
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
    }
}
