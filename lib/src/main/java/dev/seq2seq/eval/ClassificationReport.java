package dev.seq2seq.eval;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Token predictions scored as a classification problem by Tribuo: each prediction is a pair
 * (reference token, predicted token), and every class gets precision, recall, F1 and support, as in
 * scikit-learn's {@code classification_report}.
 *
 * <p>The classes are a fixed list chosen by the caller, plus {@link #OTHER} for every token outside
 * it, so that the confusion matrix stays small. The metrics are Tribuo's own: {@link
 * LabelEvaluator} computes a {@link LabelEvaluation} from a {@link LabelConfusionMatrix} with
 * {@code ConfusionMetrics} (a class that is never predicted has precision 0, not NaN). Tribuo's
 * evaluator takes a Tribuo {@code Model} for the label domain and the provenance; the predictions
 * here come from a seq2seq model, so a stand-in model that only carries the domain is passed.
 *
 * <p>The cost of Tribuo's evaluation grows with the cube of the number of classes (its true
 * negatives visit the whole matrix for every class): keep to a few dozen classes, not the whole
 * vocabulary.
 */
public final class ClassificationReport {

    /**
     * The class of every token outside the chosen classes. Written like the reserved tokens ({@code
     * <unk>}, {@code <eos>}) so that it cannot be confused with a word such as English "other".
     */
    public static final String OTHER = "<other>";

    private final List<String> labels;
    private final LabelEvaluation evaluation;
    private final LabelConfusionMatrix matrix;

    private ClassificationReport(List<String> labels, LabelEvaluation evaluation) {
        this.labels = labels;
        this.evaluation = evaluation;
        this.matrix = (LabelConfusionMatrix) evaluation.getConfusionMatrix();
        List<Label> order = new ArrayList<>();
        for (String label : labels) {
            order.add(new Label(label));
        }
        matrix.setLabelOrder(order); // Tribuo's tables follow our order, not a hash order
    }

    /**
     * Scores aligned reference and predicted tokens over {@code classes} plus {@link #OTHER}.
     *
     * @param references the reference (true) token of each prediction
     * @param predicted the predicted token of each prediction, aligned with {@code references}
     * @param classes the classes to keep apart, in the order of {@link #labels()}; every other
     *     token becomes {@link #OTHER}
     * @param description what the predictions are, recorded in the evaluation's provenance
     * @return the report
     * @throws IllegalArgumentException if the lists differ in size (both sizes are named), if there
     *     is no prediction, or if {@code classes} is empty, repeats a class, or contains {@link
     *     #OTHER}
     */
    public static ClassificationReport of(
            List<String> references,
            List<String> predicted,
            List<String> classes,
            String description) {
        List<String> labels = labels(classes);
        List<Prediction<Label>> predictions = predictions(references, predicted, classes);
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("no predictions to evaluate");
        }
        Map<Label, Integer> ids = new HashMap<>();
        for (String label : labels) {
            ids.put(new Label(label), ids.size());
        }
        LabelFactory factory = new LabelFactory();
        Model<Label> model = new LabelDomainModel(factory.constructInfoForExternalModel(ids));
        LabelEvaluation evaluation =
                new LabelEvaluator()
                        .evaluate(
                                model,
                                predictions,
                                new SimpleDataSourceProvenance(description, factory));
        return new ClassificationReport(labels, evaluation);
    }

    /**
     * Turns aligned tokens into Tribuo predictions: the example's output is the reference token,
     * the prediction's output the predicted token, each mapped to {@link #OTHER} unless in {@code
     * classes} (or kept as is when {@code classes} is null).
     *
     * @param references the reference tokens
     * @param predicted the predicted tokens
     * @param classes the classes to keep, or null for every token
     * @return one prediction per position, in order
     * @throws IllegalArgumentException if the lists differ in size, naming both sizes
     */
    static List<Prediction<Label>> predictions(
            List<String> references, List<String> predicted, List<String> classes) {
        requireSameSize("references", references.size(), "predictions", predicted.size());
        Set<String> kept = classes == null ? null : new HashSet<>(classes);
        Map<String, Label> interned = new HashMap<>();
        List<Prediction<Label>> result = new ArrayList<>(references.size());
        for (int i = 0; i < references.size(); i++) {
            Label truth = label(references.get(i), kept, interned);
            Example<Label> example = new ArrayExample<>(truth, 1f, 0);
            result.add(new Prediction<>(label(predicted.get(i), kept, interned), 0, example));
        }
        return result;
    }

    /**
     * Checks that two aligned lists have the same size.
     *
     * @param firstName what the first list holds, e.g. {@code references}
     * @param first its size
     * @param secondName what the second list holds, e.g. {@code predictions}
     * @param second its size
     * @throws IllegalArgumentException if the sizes differ, naming both
     */
    static void requireSameSize(String firstName, int first, String secondName, int second) {
        if (first != second) {
            throw new IllegalArgumentException(
                    "need as many "
                            + secondName
                            + " as "
                            + firstName
                            + ", got "
                            + first
                            + " "
                            + firstName
                            + " and "
                            + second
                            + " "
                            + secondName);
        }
    }

    private static Label label(String token, Set<String> kept, Map<String, Label> interned) {
        String name = kept == null || kept.contains(token) ? token : OTHER;
        return interned.computeIfAbsent(name, Label::new);
    }

    private static List<String> labels(List<String> classes) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("need at least one class");
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("classes must be distinct, got " + classes);
        }
        if (classes.contains(OTHER)) {
            throw new IllegalArgumentException(OTHER + " is added to the classes, do not pass it");
        }
        List<String> labels = new ArrayList<>(classes);
        labels.add(OTHER);
        return List.copyOf(labels);
    }

    /**
     * Returns the distinct tokens of a list, most frequent first, ties in order of first
     * occurrence.
     *
     * @param tokens the tokens
     * @return the distinct tokens by decreasing count
     */
    static List<String> byFrequency(List<String> tokens) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String token : tokens) {
            counts.merge(token, 1, Integer::sum);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparingInt(counts::get).reversed()); // stable: ties keep order
        return order;
    }

    /**
     * Returns the class labels: the classes as given, then {@link #OTHER}.
     *
     * @return the labels, in the order of the rows and columns of {@link #counts()}
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the number of predictions, which is also the sum of {@link #counts()}.
     *
     * @return the prediction count
     */
    public int size() {
        return (int) matrix.support();
    }

    /**
     * Returns the confusion counts.
     *
     * @return an L x L matrix over {@link #labels()} (L labels): {@code counts[r][c]} is the number
     *     of predictions whose reference is label r and whose prediction is label c, so rows are
     *     references and columns predictions (Tribuo's matrix is the transpose)
     */
    public int[][] counts() {
        int n = labels.size();
        int[][] counts = new int[n][n];
        for (int r = 0; r < n; r++) {
            Label truth = new Label(labels.get(r));
            for (int c = 0; c < n; c++) {
                counts[r][c] = (int) matrix.confusion(new Label(labels.get(c)), truth);
            }
        }
        return counts;
    }

    /**
     * Returns the per-class scores, the classes with the most reference instances first.
     *
     * @return one score per label, by decreasing support, ties in the order of {@link #labels()}
     */
    public List<ClassScore> perClass() {
        List<ClassScore> scores = new ArrayList<>();
        for (String label : labels) {
            scores.add(score(label));
        }
        scores.sort(Comparator.comparingLong(ClassScore::support).reversed());
        return List.copyOf(scores);
    }

    /**
     * Returns the scores of one class.
     *
     * @param label one of {@link #labels()}
     * @return its precision, recall, F1 and support, from Tribuo's evaluation
     * @throws IllegalArgumentException if the label is not one of {@link #labels()}
     */
    public ClassScore score(String label) {
        if (!labels.contains(label)) {
            throw new IllegalArgumentException(
                    "'" + label + "' is not a class of this report: " + labels);
        }
        Label l = new Label(label);
        return new ClassScore(
                label,
                Math.round(matrix.support(l)),
                evaluation.precision(l),
                evaluation.recall(l),
                evaluation.f1(l));
    }

    /**
     * Returns the fraction of predictions whose class equals the reference's class. Two different
     * tokens that both map to {@link #OTHER} count as correct.
     *
     * @return the accuracy in [0, 1]
     */
    public double accuracy() {
        return evaluation.accuracy();
    }

    /**
     * Returns Tribuo's evaluation, with micro and macro averages and the provenance. Its macro
     * averages are over all labels, including those with no reference instance.
     *
     * @return the evaluation
     */
    public LabelEvaluation evaluation() {
        return evaluation;
    }

    /**
     * Returns Tribuo's confusion matrix; {@code confusion(predicted, truth)} gives one cell, and
     * {@code toString()} prints it with rows as references, in the order of {@link #labels()}.
     *
     * @return the confusion matrix
     */
    public LabelConfusionMatrix confusionMatrix() {
        return matrix;
    }

    /**
     * Formats Tribuo's per-class table (n, tp, fn, fp, recall, precision, F1) and averages, for the
     * classes that occur.
     *
     * @return the table
     */
    @Override
    public String toString() {
        return evaluation.toString();
    }

    /**
     * The scores of one class.
     *
     * @param label the class label
     * @param support the number of predictions whose reference is this class
     * @param precision true positives / predictions of this class, 0 if never predicted
     * @param recall true positives / support, 0 if the support is 0
     * @param f1 the harmonic mean of precision and recall, 0 if both are 0
     */
    public record ClassScore(
            String label, long support, double precision, double recall, double f1) {}
}
