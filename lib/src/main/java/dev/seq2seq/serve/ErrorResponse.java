package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

/**
 * The body of every error answer: {@code {"error": "..."}}.
 *
 * @param error one line naming the problem
 */
public record ErrorResponse(String error) {

    /**
     * Reads an error body, e.g. in a client.
     *
     * @param json the body
     * @return the error
     * @throws IllegalArgumentException if the text is not an error body
     */
    public static ErrorResponse fromJson(String json) {
        ErrorResponse e = ServeJson.read(json, ErrorResponse.class, "an error answer");
        Preconditions.checkArgument(e.error() != null, "not an error answer: no error in " + json);
        return e;
    }
}
