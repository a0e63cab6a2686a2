package dev.seq2seq.cli;

import ai.djl.util.Preconditions;

import dev.seq2seq.decode.Sampler;
import dev.seq2seq.decode.Search;
import dev.seq2seq.decode.SearchSpec;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.store.TrainedModel;

import picocli.CommandLine.Option;

/** The search options of {@code translate} and {@code evaluate}: greedy, beam or sampling. */
final class SearchOptions {

    @Option(
            names = "--beam",
            description = "beam size K; 1 is greedy search (default: ${DEFAULT-VALUE})")
    int beam = 1;

    @Option(names = "--alpha", description = "GNMT length penalty α (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(
            names = "--coverage",
            description = "GNMT coverage penalty β (default: ${DEFAULT-VALUE})")
    double coverage;

    @Option(
            names = "--nbest",
            description = "hypotheses per sentence, at most --beam (default: ${DEFAULT-VALUE})")
    int nbest = 1;

    @Option(names = "--sample", description = "sample instead of searching")
    boolean sample;

    @Option(
            names = "--temperature",
            description = "sampling temperature (default: ${DEFAULT-VALUE})")
    double temperature = 1.0;

    @Option(
            names = "--top-k",
            description =
                    "sample among the k most likely tokens, 0 for all (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--top-p", description = "nucleus sampling mass (default: ${DEFAULT-VALUE})")
    double topP = 1.0;

    @Option(names = "--seed", description = "sampling seed (default: ${DEFAULT-VALUE})")
    long seed = 42;

    /**
     * Builds the translator these options describe.
     *
     * @param trained the model
     * @return a greedy, beam or sampling translator
     * @throws IllegalArgumentException if the options contradict each other or are out of range
     */
    Translator translator(TrainedModel trained) {
        return Translator.builder()
                .setSearch(search(trained))
                .setSource(trained.sourceTokenizer(), trained.sourceVocabulary())
                .setTarget(trained.targetVocabulary(), trained.detokenizer())
                .build();
    }

    private Search search(TrainedModel trained) {
        if (sample) {
            Preconditions.checkArgument(
                    beam == 1 && nbest == 1, "--sample cannot be combined with --beam or --nbest");
            return Sampler.builder()
                    .setModel(trained.model())
                    .setSeed(seed)
                    .optTemperature(temperature)
                    .optTopK(topK)
                    .optTopP(topP)
                    .build();
        }
        return spec().search(trained.model());
    }

    private SearchSpec spec() {
        return new SearchSpec(beam, alpha, coverage, nbest);
    }

    /**
     * Describes the search, e.g. {@code beam 4, alpha 0.6}.
     *
     * @return the description
     */
    String describe() {
        if (sample) {
            return String.format(
                    "sampling, temperature %s, top-k %d, top-p %s, seed %d",
                    temperature, topK, topP, seed);
        }
        return spec().isGreedy()
                ? "greedy"
                : String.format("beam %d, alpha %s, coverage %s", beam, alpha, coverage);
    }
}
