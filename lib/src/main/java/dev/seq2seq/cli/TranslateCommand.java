package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.Detokenizer;
import dev.seq2seq.decode.GreedySearch;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.train.Checkpoint;
import dev.seq2seq.train.TrainedModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq translate}: one sentence per line on stdin, one translation per line on stdout.
 */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = {
            "Translates standard input to standard output, line by line (greedy search).",
            "One translation per input line, in the same order; blank lines stay blank."
        })
final class TranslateCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            required = true,
            description = "a checkpoint folder written by train")
    Path model;

    @Override
    public Integer call() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedModel trained = Checkpoint.load(model, manager);
            List<String> lines = readLines();
            if (lines.isEmpty()) {
                System.err.println(
                        "seq2seq translate: no input: write one sentence per line on standard input");
                return 2;
            }
            Translator translator =
                    Translator.greedy(
                            new GreedySearch(trained.model()),
                            trained.sourceTokenizer(),
                            trained.sourceVocabulary(),
                            trained.targetVocabulary(),
                            new Detokenizer(trained.provenance().targetLanguage()));
            List<String> nonBlank = lines.stream().filter(l -> !l.isBlank()).toList();
            Iterator<Translation> translations = translator.translate(nonBlank).iterator();
            for (String line : lines) {
                System.out.println(line.isBlank() ? "" : translations.next().text());
            }
        }
        return 0;
    }

    private static List<String> readLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
