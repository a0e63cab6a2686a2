package dev.seq2seq.serve;

import dev.seq2seq.decode.SourceLengthLimit;
import dev.seq2seq.decode.Translation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers one {@code POST /translate}: parses the body, hands the texts to the {@link
 * BatchingTranslator}, waits at most the time limit, and turns the outcome into a status and a JSON
 * body: 200 with the translations in input order (each with a warning when its source is longer
 * than anything seen in training, {@link SourceLengthLimit}), 400 naming the problem, 503 when the
 * queue is full, 504 past the time limit.
 */
final class TranslateHandler {

    /**
     * What to send back.
     *
     * @param status the HTTP status
     * @param body the object to write as JSON
     * @param retryAfter whether to add {@code Retry-After: 1}
     */
    record Answer(int status, Object body, boolean retryAfter) {}

    private final TranslateRequestParser parser;
    private final BatchingTranslator batching;
    private final String modelName;
    private final SourceLengthLimit limit;
    private final long timeoutMillis;

    /**
     * Creates the handler.
     *
     * @param settings the server's settings (limits, time limit, warning length)
     * @param model the served model (its name and recorded training length limit)
     * @param batching the translator requests are submitted to
     */
    TranslateHandler(ServerSettings settings, ServedModel model, BatchingTranslator batching) {
        this.parser = new TranslateRequestParser(settings.limits());
        this.batching = batching;
        this.modelName = model.name();
        this.timeoutMillis = settings.timeoutMillis();
        this.limit =
                settings.warnTokens() > 0
                        ? new SourceLengthLimit(settings.warnTokens())
                        : model.maxSourceLength().isPresent()
                                ? new SourceLengthLimit(model.maxSourceLength().getAsInt())
                                : SourceLengthLimit.DEFAULT;
    }

    /**
     * Answers a request body.
     *
     * @param body the request's body
     * @param start when the request arrived, {@link System#nanoTime()}
     * @return the answer
     * @throws ExecutionException if decoding failed unexpectedly (a 500 for the caller)
     * @throws InterruptedException if interrupted while waiting
     */
    Answer answer(String body, long start) throws ExecutionException, InterruptedException {
        CompletableFuture<List<List<Translation>>> future = null;
        try {
            TranslateRequest request = parser.parse(body);
            future = batching.submit(request.texts(), request.settings());
            List<List<Translation>> out = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<TranslationResult> results = new ArrayList<>(out.size());
            for (List<Translation> hypotheses : out) {
                results.add(
                        TranslationResult.of(
                                hypotheses,
                                request.settings().nbest() > 1,
                                request.attention(),
                                limit.warning(hypotheses.get(0)).orElse(null)));
            }
            double ms = (System.nanoTime() - start) / 1e6;
            return new Answer(200, new TranslateResponse(results, modelName, ms), false);
        } catch (BadRequestException e) {
            return new Answer(400, new ErrorResponse(e.getMessage()), false);
        } catch (QueueFullException e) {
            return new Answer(503, new ErrorResponse(e.getMessage()), true);
        } catch (TimeoutException e) {
            future.cancel(false);
            return new Answer(
                    504,
                    new ErrorResponse(
                            "the translation took longer than the time limit of "
                                    + timeoutMillis
                                    + " ms"),
                    false);
        }
    }
}
