package dev.seq2seq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/** The {@code seq2seq} command: subcommands for training, translation, serving and benchmarks. */
@Command(
        name = "seq2seq",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Versions.class,
        description = "Sequence-to-sequence translation models in Java.",
        subcommands = {
            TrainCommand.class,
            TranslateCommand.class,
            EvaluateCommand.class,
            BleuCommand.class,
            BenchmarkCommand.class,
            DecodeBenchmarkCommand.class,
            ServeCommand.class,
            ServeBenchmarkCommand.class,
            ModelsCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private final Streams streams;

    private Main(Streams streams) {
        this.streams = streams;
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Returns the command line with its error handling: a bad argument or an exception prints a
     * one-line message (no stack trace) and exits with status 2 or 1.
     *
     * @return the configured command line
     */
    public static CommandLine commandLine() {
        return commandLine(Streams.system());
    }

    /**
     * Returns the command line reading and writing the given streams (picocli's own messages
     * included).
     *
     * @param streams standard input, output and error
     * @return the configured command line
     */
    static CommandLine commandLine(Streams streams) {
        CommandLine cli = new CommandLine(new Main(streams));
        cli.setOut(new PrintWriter(streams.out(), true));
        cli.setErr(new PrintWriter(streams.err(), true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    commandLine.getErr().println("seq2seq: " + e.getMessage());
                    return 1;
                });
        return cli;
    }

    /**
     * Returns standard input, for the subcommands.
     *
     * @return the input stream
     */
    InputStream in() {
        return streams.in();
    }

    /**
     * Returns standard output, for the subcommands.
     *
     * @return the output stream
     */
    PrintStream out() {
        return streams.out();
    }

    /**
     * Returns standard error, for the subcommands.
     *
     * @return the error stream
     */
    PrintStream err() {
        return streams.err();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version line: ours, and the DJL and engine versions actually on the classpath. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
            return new String[] {
                "seq2seq "
                        + dev.seq2seq.Library.VERSION
                        + " (DJL "
                        + ai.djl.engine.Engine.getDjlVersion()
                        + ", "
                        + engine.getEngineName()
                        + " "
                        + engine.getVersion()
                        + ")"
            };
        }
    }
}
