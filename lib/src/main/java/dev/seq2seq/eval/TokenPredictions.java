package dev.seq2seq.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.EncodedPair;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.nn.Seq2SeqModel;

import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;

/**
 * Teacher-forced next-token prediction seen as a classification problem: at every target position
 * the decoder is fed the reference prefix, and its most likely next token (the argmax of the
 * logits) is compared with the reference token. The class of a prediction is a token; {@link
 * #report(int)} scores the most frequent reference tokens with Tribuo (precision, recall, F1,
 * confusion matrix), which shows which words the model confuses, beyond one accuracy number.
 *
 * <p>Positions are the valid target steps, {@code <eos>} included and padding excluded, so {@link
 * #size()} is the number of target tokens plus one {@code <eos>} per sentence, and the accuracy
 * equals the token accuracy of {@code Seq2SeqTrainer.evaluate}.
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
        ClassificationReport.requireSameSize(
                "references", references.size(), "predictions", predicted.size());
        return new TokenPredictions(references, predicted);
    }

    /**
     * Runs the model teacher-forced (no dropout, no gradients) over the pairs, in batches of B
     * pairs in their given order, and takes the argmax token at every valid target position.
     *
     * <p>Shapes (B: batch, T: target steps with {@code <eos>}, V: target vocabulary): the model
     * maps {@code <bos>}+target (B, T) to logits (B, T, V); the argmax over V gives (B, T), of
     * which the first {@code targetLength + 1} steps of each row are kept. Each batch's arrays are
     * freed before the next batch.
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
        if (targetVocabulary.size() != v) {
            throw new IllegalArgumentException(
                    "target vocabulary has "
                            + targetVocabulary.size()
                            + " tokens but the model predicts "
                            + v);
        }
        BucketSampler sampler =
                BucketSampler.builder().setBatchSize(batchSize).optShuffle(false).build();
        List<List<Integer>> plan = sampler.batches(pairs, 0);
        ParameterStore ps = new ParameterStore(manager, false);
        List<String> references = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            List<EncodedPair> members = new ArrayList<>();
            for (int i : plan.get(k)) {
                members.add(pairs.get(i));
            }
            long[] argmax;
            long t;
            try (Seq2SeqBatch batch = Seq2SeqBatch.create(manager, members, k + 1, plan.size());
                    NDManager scope = manager.newSubManager()) {
                NDList inputs =
                        new NDList(batch.source(), batch.sourceLengths(), batch.targetInput());
                scope.tempAttachAll(inputs);
                NDArray logits = model.forward(ps, inputs, false).head(); // (B, T, V)
                t = logits.getShape().get(1);
                argmax = logits.argMax(2).toType(DataType.INT64, false).toLongArray(); // B·T
            }
            for (int row = 0; row < members.size(); row++) {
                int[] target = members.get(row).target();
                for (int i = 0; i <= target.length; i++) {
                    int reference = i < target.length ? target[i] : Vocabulary.EOS_ID;
                    references.add(targetVocabulary.token(reference));
                    predicted.add(targetVocabulary.token((int) argmax[(int) (row * t + i)]));
                }
            }
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
     * @return the token accuracy in [0, 1], 0 when there are no predictions
     */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        return references.isEmpty() ? 0.0 : (double) correct / references.size();
    }

    /**
     * Returns the n most frequent reference tokens.
     *
     * @param n how many, at least 1
     * @return up to n tokens by decreasing count, ties in order of first occurrence
     * @throws IllegalArgumentException if n is below 1
     */
    public List<String> mostFrequentReferences(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need n >= 1 classes, got " + n);
        }
        List<String> order = ClassificationReport.byFrequency(references);
        return List.copyOf(order.subList(0, Math.min(n, order.size())));
    }

    /**
     * Returns the predictions as Tribuo predictions, each token its own label.
     *
     * @return one prediction per position: the example's output is the reference token, the
     *     prediction's output the argmax token
     */
    public List<Prediction<Label>> predictions() {
        return ClassificationReport.predictions(references, predicted, null);
    }

    /**
     * Returns the predictions as Tribuo predictions over a set of classes.
     *
     * @param classes the tokens to keep as labels; every other token becomes {@link
     *     ClassificationReport#OTHER}
     * @return one prediction per position: the example's output is the reference label, the
     *     prediction's output the predicted label
     */
    public List<Prediction<Label>> predictions(List<String> classes) {
        return ClassificationReport.predictions(references, predicted, classes);
    }

    /**
     * Scores the n most frequent reference tokens as classes, every other token as {@link
     * ClassificationReport#OTHER}.
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
     * Scores the given tokens as classes, every other token as {@link ClassificationReport#OTHER}.
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
