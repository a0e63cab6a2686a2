package dev.seq2seq.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The standard streams the commands read and write: the process's in {@link Main#main}, buffers in
 * tests, so that nothing swaps {@code System.out} for the whole JVM.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 */
record Streams(InputStream in, PrintStream out, PrintStream err) {

    /**
     * Returns the process's streams.
     *
     * @return {@code System.in}, {@code System.out} and {@code System.err}
     */
    static Streams system() {
        return new Streams(System.in, System.out, System.err);
    }
}
