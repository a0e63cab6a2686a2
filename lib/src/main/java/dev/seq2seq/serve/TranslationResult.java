package dev.seq2seq.serve;

import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.decode.Hypothesis;
import dev.seq2seq.decode.Translation;

import java.util.ArrayList;
import java.util.List;

/**
 * One translated text as {@code POST /translate} returns it (serialised by Gson; null fields are
 * left out).
 *
 * @param source the input text
 * @param text the best translation
 * @param tokens its output tokens, without {@code <eos>}
 * @param score its score: the log-probability (natural log) for greedy search, the beam score for
 *     beam search
 * @param nbest every hypothesis kept, best first, when more than one was asked for; else null
 * @param attention the best translation's attention weights when asked for and the model has
 *     attention; else null
 * @param warning a warning about the input (e.g. far longer than anything seen in training), or
 *     null
 */
public record TranslationResult(
        String source,
        String text,
        List<String> tokens,
        double score,
        List<Alternative> nbest,
        Attention attention,
        String warning) {

    /**
     * One hypothesis of an n-best list.
     *
     * @param text the translation
     * @param score its score
     */
    public record Alternative(String text, double score) {}

    /**
     * Attention weights with the tokens that label them.
     *
     * @param source the source tokens as the model saw them, {@code <eos>} included (S of them)
     * @param target the output tokens, {@code <eos>} included when the hypothesis finished (T)
     * @param weights (T, S): row t is output step t's distribution over the source tokens
     */
    public record Attention(List<String> source, List<String> target, float[][] weights) {}

    /**
     * Builds the result of one text.
     *
     * @param hypotheses its translations, best first (at least one)
     * @param nbest whether to list every hypothesis
     * @param attention whether to include the best one's attention weights
     * @param warning a warning, or null
     * @return the result
     */
    public static TranslationResult of(
            List<Translation> hypotheses, boolean nbest, boolean attention, String warning) {
        Translation best = hypotheses.get(0);
        List<Alternative> alternatives = null;
        if (nbest) {
            alternatives = new ArrayList<>();
            for (Translation t : hypotheses) {
                alternatives.add(new Alternative(t.text(), t.hypothesis().score()));
            }
        }
        return new TranslationResult(
                best.source(),
                best.text(),
                best.tokens(),
                best.hypothesis().score(),
                alternatives,
                attention ? attention(best) : null,
                warning);
    }

    private static Attention attention(Translation t) {
        Hypothesis h = t.hypothesis();
        if (h.attention() == null) {
            return null;
        }
        List<String> target = new ArrayList<>(t.tokens());
        if (h.finished()) {
            target.add(Vocabulary.EOS);
        }
        return new Attention(t.sourceTokens(), target, h.attention());
    }
}
