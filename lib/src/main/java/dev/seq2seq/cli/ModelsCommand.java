package dev.seq2seq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq models pack|unpack}: hands trained models to a class. A teacher trains the
 * notebooks' models once ({@code bin/run}), packs {@code build/models/} into one zip, and each
 * student unpacks it into their clone, whose notebooks then load the models instead of training
 * them ({@link ModelPack}).
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Packs the trained models of build/models/ into one zip, or unpacks one.",
        subcommands = {ModelsCommand.Pack.class, ModelsCommand.Unpack.class})
final class ModelsCommand implements Runnable {

    @ParentCommand Main main;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(main.out());
    }

    /** {@code models pack}. */
    @Command(
            name = "pack",
            mixinStandardHelpOptions = true,
            description = {
                "Packs every trained model folder of --models, with the library version and each",
                "model's corpus SHA-256, into one zip file."
            })
    static final class Pack implements Callable<Integer> {

        @ParentCommand ModelsCommand models;

        @Option(names = "--models", description = "the models' folder (default: ${DEFAULT-VALUE})")
        Path folder = Path.of("build", "models");

        @Option(names = "--out", required = true, description = "the zip file to write")
        Path out;

        @Override
        public Integer call() {
            ModelPack.Manifest manifest = ModelPack.pack(folder, out);
            manifest.models()
                    .forEach(
                            (name, m) ->
                                    models.main
                                            .out()
                                            .printf(
                                                    "packed %s (trained %s on %s)%n",
                                                    name, m.trained(), m.corpus()));
            models.main
                    .out()
                    .printf(
                            "%s: %d models, library %s%n",
                            out, manifest.models().size(), manifest.library());
            return 0;
        }
    }

    /** {@code models unpack}. */
    @Command(
            name = "unpack",
            mixinStandardHelpOptions = true,
            description = {
                "Unpacks a pack into --models, after checking that it was made by this library",
                "version from the corpora in --datasets; refuses otherwise, writing nothing."
            })
    static final class Unpack implements Callable<Integer> {

        @ParentCommand ModelsCommand models;

        @Parameters(index = "0", description = "the zip file made by models pack")
        Path pack;

        @Option(names = "--models", description = "the models' folder (default: ${DEFAULT-VALUE})")
        Path folder = Path.of("build", "models");

        @Option(
                names = "--datasets",
                description = "the corpora the models must match (default: ${DEFAULT-VALUE})")
        Path datasets = Path.of("datasets");

        @Option(names = "--replace", description = "replace model folders that already exist")
        boolean replace;

        @Override
        public Integer call() {
            ModelPack.Manifest manifest = ModelPack.unpack(pack, folder, datasets, replace);
            manifest.models()
                    .forEach(
                            (name, m) ->
                                    models.main
                                            .out()
                                            .printf("unpacked %s into %s%n", name, folder));
            return 0;
        }
    }
}
