package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFolderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"translate", "evaluate", "decode-benchmark", "serve", "serve-benchmark"})
    void everyCommandThatLoadsAModelRequiresAndDescribesTheSameOption(String command) {
        CliRun missing = CliRun.of("", command, "--data", "x.tsv");
        assertEquals(2, missing.status(), missing.err());
        assertTrue(
                missing.err().contains("Missing required option: '--model=<model>'"),
                missing.err());
        CliRun help = CliRun.of("", command, "--help");
        assertTrue(
                help.out().contains("--model=<model>")
                        && help.out().contains("a model folder written by train or by the"),
                help.out());
    }
}
