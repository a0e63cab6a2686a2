package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.DataFileException;
import dev.seq2seq.data.Utf8Lines;
import dev.seq2seq.decode.SourceLengthLimit;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.store.Checkpoint;
import dev.seq2seq.store.RunSettings;
import dev.seq2seq.store.TrainedModel;
import dev.seq2seq.store.TrainingRunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
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
            "(the Moses n-best format, index counting input lines from 0).",
            "Input that is not UTF-8 is an error naming the line (exit status 2, no output).",
            "A line longer than the training length limit gets a warning on standard error."
        })
final class TranslateCommand implements Callable<Integer> {

    /** How standard input is named in messages. */
    private static final Path STDIN = Path.of("standard input");

    @ParentCommand Main main;

    @Mixin ModelFolder model = new ModelFolder();

    @Mixin SearchOptions search = new SearchOptions();

    @Override
    public Integer call() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedModel trained = Checkpoint.load(model.folder(), manager);
            List<String> lines;
            try {
                lines = Utf8Lines.read(main.in(), STDIN);
            } catch (DataFileException e) {
                main.err().println("seq2seq translate: " + e.getMessage());
                return 2;
            }
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
            SourceLengthLimit limit = lengthLimit();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    main.out().println("");
                    continue;
                }
                List<Translation> best = translations.next();
                int line = i + 1;
                limit.warning(best.get(0))
                        .ifPresent(
                                w ->
                                        main.err()
                                                .println(
                                                        "seq2seq translate: warning: line "
                                                                + line
                                                                + ": "
                                                                + w));
                if (search.nbest == 1) {
                    main.out().println(best.get(0).text());
                } else {
                    for (Translation t : best) {
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

    /** The length rule of the model's training data, or the default for a bare checkpoint. */
    private SourceLengthLimit lengthLimit() {
        return TrainingRunFolder.settings(model.folder())
                .map(RunSettings::data)
                .map(SourceLengthLimit::of)
                .orElse(SourceLengthLimit.DEFAULT);
    }
}
