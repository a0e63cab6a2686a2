package dev.seq2seq.store;

import java.nio.file.Path;

/**
 * A checkpoint folder that cannot be loaded: missing, partial or mismatched files. The message
 * names the folder and the file.
 */
public class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param folder the checkpoint folder
     * @param problem what is wrong
     * @param cause the underlying exception, or null
     */
    public CheckpointException(Path folder, String problem, Throwable cause) {
        super("checkpoint " + folder + ": " + problem, cause);
    }
}
