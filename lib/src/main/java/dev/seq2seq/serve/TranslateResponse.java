package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

import java.util.List;

/**
 * The body of a successful {@code POST /translate} (serialised by Gson).
 *
 * @param translations one result per input text, in input order
 * @param model the model's name
 * @param milliseconds the time from receiving the request to answering it, in milliseconds
 */
public record TranslateResponse(
        List<TranslationResult> translations, String model, double milliseconds) {

    /**
     * Reads a successful {@code POST /translate} body, e.g. in a client.
     *
     * @param json the body
     * @return the response
     * @throws IllegalArgumentException if the text is not such a body (an {@link ErrorResponse},
     *     say)
     */
    public static TranslateResponse fromJson(String json) {
        TranslateResponse r = ServeJson.read(json, TranslateResponse.class, "a /translate answer");
        Preconditions.checkArgument(
                r.translations() != null, "not a /translate answer: no translations in " + json);
        return r;
    }
}
