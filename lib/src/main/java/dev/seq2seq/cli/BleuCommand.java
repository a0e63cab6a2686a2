package dev.seq2seq.cli;

import ai.djl.util.Preconditions;

import dev.seq2seq.eval.Bleu;
import dev.seq2seq.eval.BleuScore;
import dev.seq2seq.eval.BleuTokenizer;
import dev.seq2seq.eval.Chrf;
import dev.seq2seq.eval.ChrfScore;
import dev.seq2seq.eval.PairedBootstrap;
import dev.seq2seq.eval.References;
import dev.seq2seq.eval.Rouge;
import dev.seq2seq.eval.RougeScores;
import dev.seq2seq.eval.SentenceStatistics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq bleu}: scores a hypothesis file against reference files, as sacreBLEU's command
 * line does ({@code sacrebleu REF... -i HYP -m bleu chrf -tok 13a -b}); with several systems and
 * {@code --paired-bs}, compares each with the first by paired bootstrap resampling ({@link
 * PairedBootstrap}), as {@code sacrebleu REF -i BASE SYS... --paired-bs} does.
 */
@Command(
        name = "bleu",
        mixinStandardHelpOptions = true,
        description = {
            "Scores a system output against references, like sacreBLEU's command line.",
            "Each REF_FILE is one reference stream, line-aligned with the hypotheses (-i).",
            "With several -i files and --paired-bs, the first is the baseline and every other",
            "system gets its bootstrap mean, 95%% interval and p-value against it (bleu, chrf)."
        })
final class BleuCommand implements Callable<Integer> {

    @ParentCommand Main main;

    /** The metrics {@code -m} accepts. */
    enum Metric {
        BLEU,
        CHRF,
        ROUGE
    }

    @Parameters(arity = "1..*", paramLabel = "REF_FILE", description = "reference files")
    List<Path> references;

    @Option(
            names = {"-i", "--input"},
            required = true,
            arity = "1..*",
            paramLabel = "HYP_FILE",
            description = "the hypotheses; several files: several systems, the first the baseline")
    List<Path> inputs;

    @Option(
            names = "--paired-bs",
            description = "compare each system with the first by paired bootstrap resampling")
    boolean pairedBootstrap;

    @Option(
            names = "--paired-bs-n",
            description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
    int pairedBootstrapSamples = PairedBootstrap.DEFAULT_SAMPLES;

    @Option(
            names = "--paired-bs-seed",
            description = "seed of the resamples (default: ${DEFAULT-VALUE})")
    long pairedBootstrapSeed = PairedBootstrap.DEFAULT_SEED;

    @Option(
            names = {"-m", "--metrics"},
            arity = "1..*",
            description = "bleu, chrf and/or rouge (default: bleu)",
            converter = MetricConverter.class)
    List<Metric> metrics = new ArrayList<>(List.of(Metric.BLEU));

    @Option(
            names = {"-tok", "--tokenize"},
            description = "BLEU tokenizer: 13a, intl, char, none (default: ${DEFAULT-VALUE})")
    String tokenize = "13a";

    @Option(
            names = {"-lc", "--lowercase"},
            description = "case-insensitive BLEU and chrF")
    boolean lowercase;

    @Option(
            names = {"-b", "--score-only"},
            description = "print only the score of each metric")
    boolean scoreOnly;

    @Option(
            names = {"-w", "--width"},
            description = "decimals (default: ${DEFAULT-VALUE})")
    int width = 2;

    @Option(
            names = "--chrf-word-order",
            description = "0 for chrF, 2 for chrF++ (default: ${DEFAULT-VALUE})")
    int chrfWordOrder = 0;

    /** Parses metric names case-insensitively. */
    static final class MetricConverter implements picocli.CommandLine.ITypeConverter<Metric> {
        @Override
        public Metric convert(String value) {
            try {
                return Metric.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown metric '" + value + "': use bleu, chrf or rouge");
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        List<List<String>> systems = new ArrayList<>();
        for (Path input : inputs) {
            systems.add(read(input));
        }
        List<String> first = systems.get(0);
        for (int i = 1; i < systems.size(); i++) {
            Preconditions.checkArgument(
                    systems.get(i).size() == first.size(),
                    String.format(
                            "hypothesis file %s has %d lines but %s has %d",
                            inputs.get(i), systems.get(i).size(), inputs.get(0), first.size()));
        }
        List<List<String>> streams = new ArrayList<>();
        for (Path reference : references) {
            List<String> lines = read(reference);
            Preconditions.checkArgument(
                    lines.size() == first.size(),
                    "reference file "
                            + reference
                            + " has "
                            + lines.size()
                            + " lines but the hypothesis file "
                            + inputs.get(0)
                            + " has "
                            + first.size());
            streams.add(lines);
        }
        List<List<String>> perSegment = References.fromStreams(streams);
        if (pairedBootstrap) {
            pairedBootstrap(systems, perSegment);
            return 0;
        }
        for (int i = 0; i < systems.size(); i++) {
            String prefix = systems.size() > 1 ? inputs.get(i) + ": " : "";
            for (Metric metric : metrics) {
                main.out().println(prefix + score(metric, systems.get(i), perSegment));
            }
        }
        return 0;
    }

    /** Prints sacreBLEU's paired-bootstrap table: one row per system, one column per metric. */
    private void pairedBootstrap(List<List<String>> systems, List<List<String>> references) {
        if (systems.size() < 2) {
            throw new IllegalArgumentException(
                    "--paired-bs needs a baseline and at least one system: -i BASE SYS...");
        }
        Preconditions.checkArgument(
                !metrics.contains(Metric.ROUGE), "--paired-bs supports bleu and chrf, not rouge");
        PairedBootstrap test =
                PairedBootstrap.builder()
                        .optSamples(pairedBootstrapSamples)
                        .optSeed(pairedBootstrapSeed)
                        .build();
        List<List<PairedBootstrap.Result>> results = new ArrayList<>(); // [system][metric]
        for (int i = 1; i < systems.size(); i++) {
            List<PairedBootstrap.Result> row = new ArrayList<>();
            for (Metric metric : metrics) {
                row.add(
                        test.compare(
                                statistics(metric, systems.get(0), references),
                                statistics(metric, systems.get(i), references)));
            }
            results.add(row);
        }
        main.out()
                .printf(
                        "paired bootstrap resampling: %d resamples, seed %d; baseline %s%n",
                        pairedBootstrapSamples, pairedBootstrapSeed, inputs.get(0));
        StringBuilder header = new StringBuilder(String.format("%-28s", "System"));
        for (PairedBootstrap.Result r : results.get(0)) {
            header.append(String.format("  %-24s", r.metric() + " (μ ± 95% CI)"));
        }
        main.out().println(header.toString().stripTrailing());
        main.out().println(row("Baseline: " + inputs.get(0), results.get(0), true));
        for (int i = 1; i < systems.size(); i++) {
            main.out().println(row(inputs.get(i).toString(), results.get(i - 1), false));
            StringBuilder p = new StringBuilder(String.format("%-28s", ""));
            for (PairedBootstrap.Result r : results.get(i - 1)) {
                String value =
                        String.format(
                                Locale.ROOT,
                                "(p = %.4f)%s",
                                r.pValue(),
                                r.pValue() < 0.05 ? "*" : "");
                p.append(String.format("  %-24s", value));
            }
            main.out().println(p.toString().stripTrailing());
        }
        main.out()
                .println(
                        "* p < 0.05: the difference to the baseline is unlikely to be due to chance");
    }

    private String row(String name, List<PairedBootstrap.Result> results, boolean baseline) {
        StringBuilder line = new StringBuilder(String.format("%-28s", name));
        for (PairedBootstrap.Result r : results) {
            PairedBootstrap.Estimate e = baseline ? r.baseline() : r.system();
            line.append(
                    String.format(
                            Locale.ROOT,
                            "  %-24s",
                            String.format(
                                    Locale.ROOT,
                                    "%.1f (%.1f ± %.1f)",
                                    e.score(),
                                    e.mean(),
                                    e.ci())));
        }
        return line.toString().stripTrailing();
    }

    private SentenceStatistics statistics(
            Metric metric, List<String> hypotheses, List<List<String>> references) {
        return metric == Metric.BLEU
                ? SentenceStatistics.bleu(bleu(), hypotheses, references)
                : SentenceStatistics.chrf(chrf(), hypotheses, references);
    }

    private Bleu bleu() {
        return Bleu.builder()
                .optTokenizer(BleuTokenizer.fromSignature(tokenize))
                .optLowercase(lowercase)
                .build();
    }

    private Chrf chrf() {
        return Chrf.builder().optWordOrder(chrfWordOrder).optLowercase(lowercase).build();
    }

    private String score(Metric metric, List<String> hypotheses, List<List<String>> references) {
        switch (metric) {
            case BLEU:
                BleuScore bleu = bleu().corpusScore(hypotheses, references);
                return scoreOnly ? fixed(bleu.score()) : bleu.toSignedString(width);
            case CHRF:
                ChrfScore chrf = chrf().corpusScore(hypotheses, references);
                return scoreOnly ? fixed(chrf.score()) : chrf.toSignedString(width);
            default:
                RougeScores rouge = Rouge.corpusScores(hypotheses, references);
                return scoreOnly
                        ? fixed(100 * rouge.rouge1().f1())
                                + " "
                                + fixed(100 * rouge.rouge2().f1())
                                + " "
                                + fixed(100 * rouge.rougeL().f1())
                        : rouge.toString();
        }
    }

    private String fixed(double value) {
        return String.format(Locale.ROOT, "%." + width + "f", value);
    }

    private static List<String> read(Path file) throws IOException {
        Preconditions.checkArgument(Files.isRegularFile(file), file + ": no such file");
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
