package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

import java.util.Map;

/**
 * The body of {@code GET /health}: whether the server answers, which model it serves and how it
 * limits and batches requests.
 *
 * @param status {@code ok} while the server serves
 * @param model the model's name (its folder's name)
 * @param provenance the model's provenance summary ({@link ServedModel#provenance()}); read back by
 *     a client, numbers arrive as {@code Double}
 * @param limits what one request may ask for
 * @param batching the batched search's maximum batch ({@code maxBatch}, sentences) and collection
 *     window ({@code windowMillis}, milliseconds)
 */
public record HealthResponse(
        String status,
        String model,
        Map<String, Object> provenance,
        RequestLimits limits,
        Map<String, Integer> batching) {

    /**
     * Reads a {@code GET /health} body, e.g. in a client.
     *
     * @param json the body
     * @return the health
     * @throws IllegalArgumentException if the text is not a health body
     */
    public static HealthResponse fromJson(String json) {
        HealthResponse h = ServeJson.read(json, HealthResponse.class, "a /health answer");
        Preconditions.checkArgument(
                h.status() != null && h.model() != null,
                "not a /health answer: no status or model in " + json);
        return h;
    }
}
