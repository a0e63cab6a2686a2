package dev.seq2seq.data;

import java.nio.file.Path;

/**
 * A data file (corpus or vocabulary) that cannot be read as it is. The message names the file and
 * the 1-based line, as {@code file:line: problem}, so that the line can be found and fixed.
 */
public class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /**
     * Creates an exception for a problem at a line of a file.
     *
     * @param file the file
     * @param line the 1-based line number, or 0 when the problem concerns the whole file
     * @param problem what is wrong, e.g. {@code expected 2 tab-separated columns, found 3}
     */
    public DataFileException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    /**
     * Creates an exception for a problem at a line of a file, with its cause.
     *
     * @param file the file
     * @param line the 1-based line number, or 0 when the problem concerns the whole file
     * @param problem what is wrong
     * @param cause the underlying exception, or {@code null}
     */
    public DataFileException(Path file, int line, String problem, Throwable cause) {
        super((line > 0 ? file + ":" + line : String.valueOf(file)) + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /**
     * Returns the file that could not be read.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the 1-based line of the problem.
     *
     * @return the line, or 0 when the problem concerns the whole file
     */
    public int line() {
        return line;
    }
}
