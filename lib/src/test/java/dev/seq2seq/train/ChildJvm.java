package dev.seq2seq.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM on the test classpath, for tests that kill or interrupt a process: its standard
 * output and error go to files that the test polls.
 */
public final class ChildJvm {

    /** How long a child may take to reach a point the test waits for; a safety net only. */
    private static final long PATIENCE_MILLIS = 180_000;

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code main} with {@code args} in a new JVM.
     *
     * @param main the class with a {@code main} method
     * @param dir where the output files go
     * @param args the arguments
     * @return the running child
     * @throws IOException if it cannot be started
     */
    public static ChildJvm start(Class<?> main, Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dai.djl.offline=true");
        command.add("-Djava.awt.headless=true");
        command.add(main.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        return new ChildJvm(process, out, err);
    }

    /**
     * Waits until the child's standard output contains {@code text}.
     *
     * @param text the text
     * @throws AssertionError if the child ends first, or after a generous safety limit
     */
    public void awaitOutput(String text) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!stdout().contains(text)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(
                        "the child never printed '" + text + "'\n" + stdout() + "\n" + stderr());
            }
            Thread.sleep(100);
        }
    }

    /** Kills the child at once (SIGKILL) and waits for it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Sends SIGINT, as Ctrl-C does, and waits for the child to end. */
    public int interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        return process.waitFor();
    }

    /** Returns what the child wrote to standard output so far. */
    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** Returns what the child wrote to standard error so far. */
    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }
}
