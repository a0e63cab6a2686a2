package dev.seq2seq.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed and checked {@code POST /translate} body.
 *
 * @param texts the source sentences, in the order given (one for {@code "text"})
 * @param settings the search settings
 * @param attention whether to return each translation's attention weights
 */
public record TranslateRequest(List<String> texts, SearchSettings settings, boolean attention) {

    /**
     * Writes the body a client sends for this request: {@code {"texts": [...], "beam": K, "alpha":
     * α, "nbest": N, "attention": true|false}}; {@link TranslateRequestParser} reads it back to an
     * equal request.
     *
     * @return the JSON body
     */
    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("texts", texts);
        body.put("beam", settings.beam());
        body.put("alpha", settings.alpha());
        body.put("nbest", settings.nbest());
        body.put("attention", attention);
        return ServeJson.write(body);
    }
}
