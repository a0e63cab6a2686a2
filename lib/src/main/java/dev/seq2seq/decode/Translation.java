package dev.seq2seq.decode;

import java.util.List;

/**
 * A translated sentence.
 *
 * @param source the input sentence
 * @param sourceTokens its tokens as the model saw them ({@code <unk>} for unknown words, then
 *     {@code <eos>})
 * @param tokens the output tokens (without {@code <eos>})
 * @param text the output tokens joined into a sentence by the target language's detokenizer
 * @param hypothesis the search result: score, per-token log-probabilities, attention
 */
public record Translation(
        String source,
        List<String> sourceTokens,
        List<String> tokens,
        String text,
        Hypothesis hypothesis) {}
