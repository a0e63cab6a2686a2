package dev.seq2seq.serve;

/** A request the server refuses with status 400; the message names the field and the problem. */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the field and the problem, shown to the client
     */
    public BadRequestException(String message) {
        super(message);
    }
}
