package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.attention.ScoreType;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.PositionalEncodingType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.TransformerSettings;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ModelOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin ModelOptions model = new ModelOptions();
    }

    private static Seq2SeqConfig parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.model.config(100, 200);
    }

    @Test
    void defaultsAreTheLibrarysReferenceModel() {
        assertEquals(Seq2SeqConfig.builder().setVocabularySizes(100, 200).build(), parse());
    }

    @Test
    void helpShowsTheLibrarysDefaults() {
        String help = new CommandLine(new Probe()).getUsageMessage();
        Seq2SeqConfig reference = Seq2SeqConfig.builder().setVocabularySizes(5, 5).build();
        assertTrue(
                help.contains("(default: " + reference.recurrent().attentionScore() + ")"), help);
        assertTrue(help.contains("(default: " + reference.hiddenSize() + ")"), help);
        assertTrue(help.contains("(default: " + reference.dropout() + ")"), help);
    }

    @Test
    void optionsReachTheConfig() {
        Seq2SeqConfig config =
                parse("--attention", "scaled-dot", "--no-bidirectional", "--hidden", "32");
        assertEquals(ScoreType.SCALED_DOT, config.recurrent().attentionScore());
        assertFalse(config.recurrent().bidirectional());
        assertEquals(32, config.hiddenSize());
        assertTrue(parse("--bidirectional").recurrent().bidirectional());
    }

    @Test
    void anUnknownScoreIsAParameterError() {
        CommandLine.ParameterException e =
                assertThrows(
                        CommandLine.ParameterException.class,
                        () -> new CommandLine(new Probe()).parseArgs("--attention", "bahdanau"));
        assertTrue(e.getMessage().contains("bahdanau"), e.getMessage());
    }

    @Test
    void transformerOptionsReachTheConfig() {
        Probe probe = new Probe();
        CommandLine cli = new CommandLine(probe);
        cli.setCaseInsensitiveEnumValuesAllowed(true); // as Main does
        cli.parseArgs(
                "--architecture",
                "transformer",
                "--hidden",
                "64",
                "--heads",
                "8",
                "--ffn",
                "96",
                "--encoder-layers",
                "2",
                "--decoder-layers",
                "1",
                "--positional",
                "learned",
                "--max-positions",
                "50",
                "--norm",
                "post",
                "--share-embeddings",
                "--attention-score-floor",
                "50");
        Seq2SeqConfig config = probe.model.config(100, 200);
        assertEquals(Architecture.TRANSFORMER, config.architecture());
        assertEquals(64, config.modelSize());
        assertEquals(64, config.embeddingSize()); // follows --hidden when not given
        assertEquals(
                new TransformerSettings(
                        8,
                        96,
                        2,
                        1,
                        PositionalEncodingType.LEARNED,
                        50,
                        NormPlacement.POST,
                        true,
                        50f),
                config.transformer());
        Seq2SeqConfig defaults = parse("--architecture", "TRANSFORMER");
        assertEquals(
                Seq2SeqConfig.builder()
                        .setVocabularySizes(100, 200)
                        .optArchitecture(Architecture.TRANSFORMER)
                        .build(),
                defaults);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> parse("--architecture", "TRANSFORMER", "--heads", "3"));
        assertTrue(e.getMessage().contains("h = 3"), e.getMessage());
    }
}
