package dev.seq2seq.cli;

import dev.seq2seq.eval.Bleu;
import dev.seq2seq.eval.BleuScore;
import dev.seq2seq.eval.BleuTokenizer;
import dev.seq2seq.eval.Chrf;
import dev.seq2seq.eval.ChrfScore;
import dev.seq2seq.eval.References;
import dev.seq2seq.eval.Rouge;
import dev.seq2seq.eval.RougeScores;

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
 * line does ({@code sacrebleu REF... -i HYP -m bleu chrf -tok 13a -b}).
 */
@Command(
        name = "bleu",
        mixinStandardHelpOptions = true,
        description = {
            "Scores a system output against references, like sacreBLEU's command line.",
            "Each REF_FILE is one reference stream, line-aligned with the hypotheses (-i)."
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
            paramLabel = "HYP_FILE",
            description = "the hypotheses")
    Path input;

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
        List<String> hypotheses = read(input);
        List<List<String>> streams = new ArrayList<>();
        for (Path reference : references) {
            List<String> lines = read(reference);
            if (lines.size() != hypotheses.size()) {
                throw new IllegalArgumentException(
                        "reference file "
                                + reference
                                + " has "
                                + lines.size()
                                + " lines but the hypothesis file "
                                + input
                                + " has "
                                + hypotheses.size());
            }
            streams.add(lines);
        }
        List<List<String>> perSegment = References.fromStreams(streams);
        for (Metric metric : metrics) {
            main.out().println(score(metric, hypotheses, perSegment));
        }
        return 0;
    }

    private String score(Metric metric, List<String> hypotheses, List<List<String>> references) {
        switch (metric) {
            case BLEU:
                BleuScore bleu =
                        Bleu.builder()
                                .optTokenizer(BleuTokenizer.fromSignature(tokenize))
                                .optLowercase(lowercase)
                                .build()
                                .corpusScore(hypotheses, references);
                return scoreOnly ? fixed(bleu.score()) : bleu.toSignedString(width);
            case CHRF:
                ChrfScore chrf =
                        Chrf.builder()
                                .optWordOrder(chrfWordOrder)
                                .optLowercase(lowercase)
                                .build()
                                .corpusScore(hypotheses, references);
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
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
