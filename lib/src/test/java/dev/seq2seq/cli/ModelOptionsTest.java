package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.attention.ScoreType;
import dev.seq2seq.nn.Seq2SeqConfig;

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
        assertTrue(help.contains("(default: " + reference.attentionScore() + ")"), help);
        assertTrue(help.contains("(default: " + reference.hiddenSize() + ")"), help);
        assertTrue(help.contains("(default: " + reference.dropout() + ")"), help);
    }

    @Test
    void optionsReachTheConfig() {
        Seq2SeqConfig config =
                parse("--attention", "scaled-dot", "--no-bidirectional", "--hidden", "32");
        assertEquals(ScoreType.SCALED_DOT, config.attentionScore());
        assertFalse(config.bidirectional());
        assertEquals(32, config.hiddenSize());
        assertTrue(parse("--bidirectional").bidirectional());
    }

    @Test
    void anUnknownScoreIsAParameterError() {
        CommandLine.ParameterException e =
                assertThrows(
                        CommandLine.ParameterException.class,
                        () -> new CommandLine(new Probe()).parseArgs("--attention", "bahdanau"));
        assertTrue(e.getMessage().contains("bahdanau"), e.getMessage());
    }
}
