package dev.seq2seq.serve;

import java.util.List;

/**
 * The body of a successful {@code POST /translate} (serialised by Gson).
 *
 * @param translations one result per input text, in input order
 * @param model the model's name
 * @param milliseconds the time from receiving the request to answering it, in milliseconds
 */
public record TranslateResponse(
        List<TranslationResult> translations, String model, double milliseconds) {}
