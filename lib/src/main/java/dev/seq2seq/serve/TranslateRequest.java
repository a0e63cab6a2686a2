package dev.seq2seq.serve;

import java.util.List;

/**
 * A parsed and checked {@code POST /translate} body.
 *
 * @param texts the source sentences, in the order given (one for {@code "text"})
 * @param settings the search settings
 * @param attention whether to return each translation's attention weights
 */
public record TranslateRequest(List<String> texts, SearchSettings settings, boolean attention) {}
