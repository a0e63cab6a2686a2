package dev.seq2seq.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.util.Preconditions;

import dev.seq2seq.data.EncodedPair;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.loss.TeacherForcedEvaluation;
import dev.seq2seq.loss.TokenStats;
import dev.seq2seq.model.Seq2SeqModel;

import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teacher-forced next-token prediction seen as a classification problem: at every target position
 * the decoder is fed the reference prefix, and its most likely next token (the argmax of the
 * logits) is compared with the reference token. The class of a prediction is a token; {@link
 * #report(int)} scores the most frequent reference tokens with Tribuo (precision, recall, F1,
 * confusion matrix), which shows which words the model confuses, beyond one accuracy number.
 *
 * <p>The predictions come from {@link TeacherForcedEvaluation}, the loop the trainer's validation
 * also runs: positions are the valid target steps, {@code <eos>} included and padding excluded, so
 * {@link #size()} is the number of target tokens plus one {@code <eos>} per sentence, and the
 * accuracy equals the trainer's validation token accuracy on the same pairs.
 */
public final class TokenPredictions {

    private final List<String> references;
    private final List<String> predicted;

    private TokenPredictions(List<String> references, List<String> predicted) {
        this.references = List.copyOf(references);
        this.predicted = List.copyOf(predicted);
    }

    /**
     * Wraps aligned reference and predicted tokens, e.g. computed elsewhere.
     *
     * @param references the reference token of each position
     * @param predicted the predicted token of each position
     * @return the predictions
     * @throws IllegalArgumentException if the lists differ in size, naming both sizes
     */
    public static TokenPredictions of(List<String> references, List<String> predicted) {
        AlignedTokens.requireSameSize(
                "references", references.size(), "predictions", predicted.size());
        return new TokenPredictions(references, predicted);
    }

    /**
     * Runs the model teacher-forced over the pairs with {@link TeacherForcedEvaluation} (no
     * dropout, no gradients, batches of B pairs in their given order) and names the reference and
     * argmax token of every valid target position.
     *
     * @param model the model, initialised or trained
     * @param manager the manager of the model's parameters (and device)
     * @param pairs the encoded pairs, e.g. {@code TranslationData.test().pairs()}
     * @param targetVocabulary the target vocabulary, of size V, which names the tokens
     * @param batchSize B, at least 1
     * @return one prediction per valid target token, sentence by sentence
     * @throws IllegalArgumentException if B is below 1 or the vocabulary size is not the model's
     *     target vocabulary size (both sizes are named)
     */
    public static TokenPredictions teacherForced(
            Seq2SeqModel model,
            NDManager manager,
            List<EncodedPair> pairs,
            Vocabulary targetVocabulary,
            int batchSize) {
        int v = model.config().targetVocabularySize();
        Preconditions.checkArgument(
                targetVocabulary.size() == v,
                "target vocabulary has "
                        + targetVocabulary.size()
                        + " tokens but the model predicts "
                        + v);
        return of(TeacherForcedEvaluation.of(model, manager, pairs, batchSize), targetVocabulary);
    }

    /**
     * Names the per-position token ids of a teacher-forced evaluation.
     *
     * @param evaluation the evaluation, e.g. {@code TeacherForcedEvaluation.of(...)}
     * @param targetVocabulary the target vocabulary the ids index
     * @return one prediction per position of the evaluation, in its order
     */
    public static TokenPredictions of(
            TeacherForcedEvaluation evaluation, Vocabulary targetVocabulary) {
        int[] referenceIds = evaluation.referenceIds();
        int[] predictedIds = evaluation.predictedIds();
        List<String> references = new ArrayList<>(referenceIds.length);
        List<String> predicted = new ArrayList<>(predictedIds.length);
        for (int i = 0; i < referenceIds.length; i++) {
            references.add(targetVocabulary.token(referenceIds[i]));
            predicted.add(targetVocabulary.token(predictedIds[i]));
        }
        return new TokenPredictions(references, predicted);
    }

    /**
     * Returns the number of predictions.
     *
     * @return the number of valid target positions, {@code <eos>} included
     */
    public int size() {
        return references.size();
    }

    /**
     * Returns the reference tokens.
     *
     * @return the reference (true) token of each position
     */
    public List<String> references() {
        return references;
    }

    /**
     * Returns the predicted tokens.
     *
     * @return the argmax token of each position
     */
    public List<String> predicted() {
        return predicted;
    }

    /**
     * Returns the fraction of positions whose predicted token is the reference token.
     *
     * @return the token accuracy in [0, 1], NaN when there are no predictions (as {@link
     *     TokenStats#accuracy(long, long)} defines it)
     */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        return TokenStats.accuracy(correct, references.size());
    }

    /**
     * Returns the n most frequent reference tokens.
     *
     * @param n how many, at least 1
     * @return up to n tokens by decreasing count, ties in order of first occurrence
     * @throws IllegalArgumentException if n is below 1
     */
    public List<String> mostFrequentReferences(int n) {
        Preconditions.checkArgument(n >= 1, "need n >= 1 classes, got " + n);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String token : references) {
            counts.merge(token, 1, Integer::sum);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparingInt(counts::get).reversed()); // stable: ties keep order
        return List.copyOf(order.subList(0, Math.min(n, order.size())));
    }

    /**
     * Returns the predictions as Tribuo predictions, each token its own label.
     *
     * @return one prediction per position: the example's output is the reference token, the
     *     prediction's output the argmax token
     */
    public List<Prediction<Label>> predictions() {
        return TribuoPredictions.of(references, predicted);
    }

    /**
     * Returns the predictions as Tribuo predictions over a set of classes.
     *
     * @param classes the tokens to keep as labels, distinct; every other token becomes {@link
     *     TokenClasses#OTHER}
     * @return one prediction per position: the example's output is the reference label, the
     *     prediction's output the predicted label
     * @throws IllegalArgumentException if {@code classes} is empty, repeats a token or contains
     *     {@code <other>}
     */
    public List<Prediction<Label>> predictions(List<String> classes) {
        TokenClasses tokenClasses = TokenClasses.of(classes);
        return TribuoPredictions.of(
                tokenClasses.classify(references), tokenClasses.classify(predicted));
    }

    /**
     * Scores the n most frequent reference tokens as classes, every other token as {@link
     * TokenClasses#OTHER}.
     *
     * @param topN the number of token classes, at least 1 (a few dozen at most: see {@link
     *     ClassificationReport})
     * @return the report, labels being the {@link #mostFrequentReferences} then {@code <other>}
     * @throws IllegalArgumentException if topN is below 1 or there are no predictions
     */
    public ClassificationReport report(int topN) {
        return report(mostFrequentReferences(topN));
    }

    /**
     * Scores the given tokens as classes, every other token as {@link TokenClasses#OTHER}.
     *
     * @param classes the token classes, distinct
     * @return the report, labels being {@code classes} then {@code <other>}
     * @throws IllegalArgumentException if there are no predictions, or {@code classes} is empty,
     *     repeats a token or contains {@code <other>}
     */
    public ClassificationReport report(List<String> classes) {
        return ClassificationReport.of(
                references, predicted, classes, "teacher-forced next-token predictions");
    }
}
