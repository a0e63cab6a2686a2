package dev.seq2seq.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the command line in-process with the given standard input, capturing its output through the
 * command line's own streams (nothing global is swapped, so tests may run side by side).
 */
record CliRun(int status, String out, String err) {

    static CliRun of(String stdin, String... args) {
        return ofBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Like {@link #of}, with standard input given as bytes (which need not be UTF-8). */
    static CliRun ofBytes(byte[] stdin, String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        Streams streams =
                new Streams(
                        new ByteArrayInputStream(stdin),
                        new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        int status = Main.commandLine(streams).execute(args);
        return new CliRun(
                status,
                outBytes.toString(StandardCharsets.UTF_8),
                errBytes.toString(StandardCharsets.UTF_8));
    }

    /**
     * Trains a tiny model (E = H = 16) for one epoch on {@code corpus} into {@code out}, on word
     * tokens unless {@code extra} sets {@code --bpe}.
     *
     * @param extra further {@code train} options
     * @return the run, whatever its status
     */
    static CliRun trainTiny(Path corpus, Path out, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--data",
                                corpus.toString(),
                                "--out",
                                out.toString(),
                                "--epochs",
                                "1",
                                "--hidden",
                                "16",
                                "--embedding",
                                "16",
                                "--attention-size",
                                "16"));
        if (!List.of(extra).contains("--bpe")) {
            args.addAll(List.of("--bpe", "0")); // word tokens, unless the test chooses units
        }
        args.addAll(List.of(extra));
        return of("", args.toArray(String[]::new));
    }

    /**
     * Trains a tiny model for one epoch on {@code corpus} and returns its checkpoint folder.
     *
     * @throws AssertionError if training fails
     */
    static Path trainTinyModel(Path corpus, Path dir) {
        Path model = dir.resolve("model");
        CliRun run = trainTiny(corpus, model);
        if (run.status() != 0) {
            throw new AssertionError("training failed: " + run.err());
        }
        return model;
    }

    /** Writes a small TSV corpus: the first {@code n} pairs of the bundled one, every 7th line. */
    static Path smallCorpus(Path dir, int n) throws java.io.IOException {
        List<String> lines = Files.readAllLines(Path.of("../datasets/eng-fra.tsv"));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size() && kept.size() < n; i += 7) {
            kept.add(lines.get(i));
        }
        Path file = dir.resolve("small.tsv");
        Files.write(file, kept);
        return file;
    }
}
