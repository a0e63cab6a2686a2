package dev.seq2seq.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --model} option of every command that loads a trained model: {@code translate}, {@code
 * evaluate}, {@code decode-benchmark}, {@code serve} and {@code serve-benchmark}.
 */
final class ModelFolder {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "<model>",
            description = "a model folder written by train or by the notebooks")
    Path folder;

    /**
     * Returns the folder given.
     *
     * @return the model folder
     */
    Path folder() {
        return folder;
    }

    @Override
    public String toString() {
        return String.valueOf(folder);
    }
}
