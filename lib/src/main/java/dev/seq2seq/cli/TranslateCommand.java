package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.train.Checkpoint;
import dev.seq2seq.train.TrainedModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

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
            "Translates standard input to standard output, line by line.",
            "One translation per input line, in the same order; blank lines stay blank.",
            "With --nbest N > 1, each sentence gets N lines 'index ||| translation ||| score'",
            "(the Moses n-best format, index counting input lines from 0)."
        })
final class TranslateCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Option(
            names = "--model",
            required = true,
            description = "a checkpoint folder written by train")
    Path model;

    @Mixin SearchOptions search = new SearchOptions();

    @Override
    public Integer call() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedModel trained = Checkpoint.load(model, manager);
            List<String> lines = readLines();
            if (lines.isEmpty()) {
                main.err()
                        .println(
                                "seq2seq translate: no input: write one sentence per line on standard input");
                return 2;
            }
            Translator translator = search.translator(trained);
            List<String> nonBlank = lines.stream().filter(l -> !l.isBlank()).toList();
            Iterator<List<Translation>> translations =
                    translator.translateNBest(nonBlank).iterator();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    main.out().println("");
                } else if (search.nbest == 1) {
                    main.out().println(translations.next().get(0).text());
                } else {
                    for (Translation t : translations.next()) {
                        main.out()
                                .printf(
                                        "%d ||| %s ||| %.4f%n",
                                        i, t.text(), t.hypothesis().score());
                    }
                }
            }
        }
        return 0;
    }

    private List<String> readLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(main.in(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
