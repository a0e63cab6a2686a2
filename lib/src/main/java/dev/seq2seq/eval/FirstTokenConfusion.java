package dev.seq2seq.eval;

import dev.seq2seq.data.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The confusion of the first output token with the first reference token, over a few classes: for
 * English to French, which subject pronoun the model starts with ({@code je, tu, il, elle, on,
 * nous, vous, ils}) against the one the reference starts with, which shows e.g. whether "you"
 * becomes {@code tu} or {@code vous} and whether "they" gets the reference's gender.
 *
 * <p>Hypotheses are free-running translations (greedy or beam search, e.g. {@code
 * Translation.tokens()}), references the tokenized reference translations, compared token for token
 * as given (the corpus tokenizer lowercases and splits elisions, so {@code j'} is a token of its
 * own: add it to the classes to count it). An empty sentence's first token is {@code <eos>}. Tokens
 * outside the classes become {@link TokenClasses#OTHER}.
 *
 * <p>A test set with several references per source (see {@code ReferenceGroup}) needs one reference
 * per hypothesis: the caller chooses it, e.g. the first in file order, or the reference whose first
 * token matches the hypothesis, which then counts as correct whenever any reference allows it. The
 * choice changes the scores; say which one was made.
 */
public final class FirstTokenConfusion {

    private FirstTokenConfusion() {}

    /**
     * Scores the first token of each hypothesis against the first token of its reference.
     *
     * @param hypotheses the tokens of each output sentence, without {@code <eos>}
     * @param references the tokens of one reference per hypothesis, aligned with {@code hypotheses}
     * @param classes the first tokens to keep apart, e.g. French subject pronouns; the report's
     *     labels are these then {@link TokenClasses#OTHER}
     * @return the report: {@code counts()} has rows for reference first tokens and columns for
     *     output first tokens, and per-class precision, recall and F1 come from Tribuo's {@code
     *     LabelEvaluation}
     * @throws IllegalArgumentException if the lists differ in size (both sizes are named), are
     *     empty, or {@code classes} is empty, repeats a token or contains {@code <other>}
     */
    public static ClassificationReport of(
            List<List<String>> hypotheses, List<List<String>> references, List<String> classes) {
        AlignedTokens.requireSameSize(
                "references", references.size(), "hypotheses", hypotheses.size());
        return ClassificationReport.of(
                firstTokens(references),
                firstTokens(hypotheses),
                classes,
                "first output token against first reference token");
    }

    /**
     * Returns the first token of each sentence.
     *
     * @param sentences tokenized sentences
     * @return the first token of each, {@code <eos>} for an empty sentence
     */
    public static List<String> firstTokens(List<List<String>> sentences) {
        List<String> first = new ArrayList<>(sentences.size());
        for (List<String> sentence : sentences) {
            first.add(sentence.isEmpty() ? Vocabulary.EOS : sentence.get(0));
        }
        return first;
    }
}
