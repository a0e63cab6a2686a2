package dev.seq2seq.serve;

/** Thrown by {@link BatchingTranslator#submit} when its queue of waiting requests is full. */
public final class QueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param capacity the queue's capacity, in requests
     */
    public QueueFullException(int capacity) {
        super("the server is busy: " + capacity + " requests are already waiting; try again");
    }
}
