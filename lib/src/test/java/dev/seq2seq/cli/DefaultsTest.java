package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.DataSettings;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.LearningRateSchedule;
import dev.seq2seq.train.TrainingConfig;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The command line has no defaults of its own, it shows and uses the library's, except one: {@code
 * train} learns subword units by default, the best model measured within 20 minutes.
 */
class DefaultsTest {

    private static TrainCommand parse(String... args) {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void trainWithoutOptionsUsesTheLibraryDefaults() {
        TrainCommand train = parse("--data", "x.tsv", "--out", "y");
        assertEquals(TrainingConfig.builder().build(), train.trainingConfig());
        assertEquals(
                Seq2SeqConfig.builder().setVocabularySizes(7, 9).build(), train.model.config(7, 9));
        DataSettings words = DataSettings.defaults();
        DataSettings expected =
                DataSettings.builder()
                        .optSettings(words)
                        .optBpe(TrainCommand.DEFAULT_BPE_MERGES)
                        .build();
        assertEquals(expected, train.dataSettings());
    }

    @Test
    void charactersStartFromTheSpellingToSoundDefaults() {
        TrainCommand train = parse("--data", "x.tsv", "--out", "y", "--units", "chars");
        assertEquals(DataSettings.spellingToSound(), train.dataSettings());
        assertEquals(0, train.bpeMerges());
        assertEquals(
                500,
                parse("--data", "x", "--out", "y", "--units", "chars", "--max-pairs", "500")
                        .dataSettings()
                        .maxPairs());
    }

    @Test
    void trainLearnsSubwordUnitsByDefaultAndWordsWithBpeZero() {
        assertEquals(0, DataSettings.defaults().bpeMerges(), "the library's default stays words");
        assertEquals(8000, parse("--data", "x.tsv", "--out", "y").bpeMerges());
        assertEquals(0, parse("--data", "x.tsv", "--out", "y", "--bpe", "0").bpeMerges());
    }

    @Test
    void theNoamScheduleIsChosenOnTheCommandLine() {
        TrainingConfig config =
                parse("--data", "x.tsv", "--out", "y", "--lr-schedule", "noam", "--warmup", "400")
                        .trainingConfig();
        assertEquals(LearningRateSchedule.NOAM, config.learningRateSchedule());
        assertEquals(400, config.warmupSteps());
        assertEquals(
                LearningRateSchedule.EPOCH_DECAY,
                parse("--data", "x.tsv", "--out", "y", "--lr-schedule", "epoch-decay")
                        .trainingConfig()
                        .learningRateSchedule());
    }

    @Test
    void optionsOverrideTheDefaults() {
        TrainCommand train =
                parse(
                        "--data",
                        "x.tsv",
                        "--out",
                        "y",
                        "--lr",
                        "0.01",
                        "--patience",
                        "0",
                        "--no-bidirectional",
                        "--minutes",
                        "5");
        TrainingConfig config = train.trainingConfig();
        assertEquals(0.01f, config.learningRate());
        assertEquals(0, config.patience());
        assertEquals(5.0, config.maxMinutes());
        assertTrue(config.epochs() > TrainingConfig.builder().build().epochs());
        assertFalse(train.model.config(7, 9).recurrent().bidirectional());
    }

    @Test
    void helpShowsTheLibraryDefaults() {
        StringWriter text = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(text));
        cli.execute("train", "--help");
        TrainingConfig defaults = TrainingConfig.builder().build();
        String help = text.toString().replaceAll("\\s+", " ");
        assertTrue(
                help.contains(
                        "--lr=<learningRate> Adam learning rate (default: "
                                + defaults.learningRate()
                                + ")"),
                help);
        assertTrue(help.contains("(default: " + defaults.learningRateDecay() + ")"), help);
        assertTrue(help.contains("ε (default: " + defaults.labelSmoothing() + ")"), help);
        assertTrue(help.contains("0 for none (default: " + defaults.patience() + ")"), help);
        assertTrue(help.contains("number of epochs (default: " + defaults.epochs() + ")"), help);
        assertTrue(help.contains("bidirectional encoder (default: true)"), help);
    }
}
