package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token predictions scored as a classification problem by Tribuo: each prediction is a pair
 * (reference token, predicted token), and every class gets precision, recall, F1 and support, as in
 * scikit-learn's {@code classification_report}.
 *
 * <p>The classes are a fixed list chosen by the caller plus {@link TokenClasses#OTHER} for every
 * token outside it ({@link TokenClasses}), so that the confusion matrix ({@link ConfusionCounts})
 * stays small. The metrics are Tribuo's own: {@link LabelEvaluator} computes a {@link
 * LabelEvaluation} with {@code ConfusionMetrics} (a class that is never predicted has precision 0,
 * not NaN). Tribuo's evaluator takes a Tribuo {@code Model} for the label domain and the
 * provenance; the predictions here come from a seq2seq model, so a stand-in model that only carries
 * the domain is passed.
 *
 * <p>The cost of Tribuo's evaluation grows with the cube of the number of classes (its true
 * negatives visit the whole matrix for every class): keep to a few dozen classes, not the whole
 * vocabulary.
 */
public final class ClassificationReport {

    private final TokenClasses classes;
    private final ConfusionCounts confusion;
    private final LabelEvaluation evaluation;

    private ClassificationReport(
            TokenClasses classes, ConfusionCounts confusion, LabelEvaluation evaluation) {
        this.classes = classes;
        this.confusion = confusion;
        this.evaluation = evaluation;
    }

    /**
     * Scores aligned reference and predicted tokens over {@code classes} plus {@link
     * TokenClasses#OTHER}.
     *
     * @param references the reference (true) token of each prediction
     * @param predicted the predicted token of each prediction, aligned with {@code references}
     * @param classes the classes to keep apart, in the order of {@link #labels()}; every other
     *     token becomes {@link TokenClasses#OTHER}
     * @param description what the predictions are, recorded in the evaluation's provenance
     * @return the report
     * @throws IllegalArgumentException if the lists differ in size (both sizes are named), if there
     *     is no prediction, or if {@code classes} is empty, repeats a class, or contains {@link
     *     TokenClasses#OTHER}
     */
    public static ClassificationReport of(
            List<String> references,
            List<String> predicted,
            List<String> classes,
            String description) {
        TokenClasses tokenClasses = TokenClasses.of(classes);
        ConfusionCounts confusion = ConfusionCounts.of(tokenClasses, references, predicted);
        Preconditions.checkArgument(confusion.total() != 0, "no predictions to evaluate");
        Map<Label, Integer> ids = new HashMap<>();
        for (String label : tokenClasses.labels()) {
            ids.put(new Label(label), ids.size());
        }
        LabelFactory factory = new LabelFactory();
        Model<Label> model = new LabelDomainModel(factory.constructInfoForExternalModel(ids));
        LabelEvaluation evaluation =
                new LabelEvaluator()
                        .evaluate(
                                model,
                                TribuoPredictions.of(
                                        tokenClasses.classify(references),
                                        tokenClasses.classify(predicted)),
                                new SimpleDataSourceProvenance(description, factory));
        return new ClassificationReport(tokenClasses, confusion, evaluation);
    }

    /**
     * Returns the class labels: the classes as given, then {@link TokenClasses#OTHER}.
     *
     * @return the labels, in the order of the rows and columns of {@link #counts()}
     */
    public List<String> labels() {
        return classes.labels();
    }

    /**
     * Returns the number of predictions, which is also the sum of {@link #counts()}.
     *
     * @return the prediction count
     */
    public int size() {
        return confusion.total();
    }

    /**
     * Returns the confusion counts, as {@link ConfusionCounts#counts()}.
     *
     * @return an L x L matrix over {@link #labels()} (L labels): {@code counts[r][c]} is the number
     *     of predictions whose reference is label r and whose prediction is label c, so rows are
     *     references and columns predictions
     */
    public int[][] counts() {
        return confusion.counts();
    }

    /**
     * Returns the confusion matrix.
     *
     * @return the counts over {@link #labels()}, rows references and columns predictions
     */
    public ConfusionCounts confusion() {
        return confusion;
    }

    /**
     * Returns the per-class scores, the classes with the most reference instances first.
     *
     * @return one score per label, by decreasing support, ties in the order of {@link #labels()}
     */
    public List<ClassScore> perClass() {
        List<ClassScore> scores = new ArrayList<>();
        for (String label : labels()) {
            scores.add(score(label));
        }
        scores.sort(Comparator.comparingLong(ClassScore::support).reversed());
        return List.copyOf(scores);
    }

    /**
     * Returns the scores of one class.
     *
     * @param label one of {@link #labels()}
     * @return its support, and its precision, recall and F1 from Tribuo's evaluation
     * @throws IllegalArgumentException if the label is not one of {@link #labels()}
     */
    public ClassScore score(String label) {
        Preconditions.checkArgument(
                labels().contains(label),
                "'" + label + "' is not a class of this report: " + labels());
        Label l = new Label(label);
        return new ClassScore(
                label,
                confusion.support(label),
                evaluation.precision(l),
                evaluation.recall(l),
                evaluation.f1(l));
    }

    /**
     * Returns the fraction of predictions whose class equals the reference's class. Two different
     * tokens that both map to {@link TokenClasses#OTHER} count as correct.
     *
     * @return the accuracy in [0, 1]
     */
    public double accuracy() {
        return evaluation.accuracy();
    }

    /**
     * Returns Tribuo's evaluation, with micro and macro averages and the provenance. Its macro
     * averages are over all labels, including those with no reference instance; its {@code
     * toString()} table lists the labels in Tribuo's (hash) order.
     *
     * @return the evaluation
     */
    public LabelEvaluation evaluation() {
        return evaluation;
    }

    /**
     * Formats the per-class table in the order of {@link #labels()}: support, precision, recall and
     * F1 of each class, then the accuracy and the macro-averaged scores.
     *
     * @return the table, one line per class
     */
    @Override
    public String toString() {
        int width = "macro average".length();
        for (String label : labels()) {
            width = Math.max(width, label.length());
        }
        String row = "%-" + width + "s %9s %10s %8s %8s%n";
        String scores = "%-" + width + "s %9d %10.3f %8.3f %8.3f%n";
        StringBuilder table = new StringBuilder();
        table.append(String.format(row, "class", "support", "precision", "recall", "F1"));
        for (String label : labels()) {
            ClassScore s = score(label);
            table.append(
                    String.format(scores, label, s.support(), s.precision(), s.recall(), s.f1()));
        }
        table.append(
                String.format("%-" + width + "s %9d %28.3f%n", "accuracy", size(), accuracy()));
        table.append(
                String.format(
                        "%-" + width + "s %9d %10.3f %8.3f %8.3f",
                        "macro average",
                        size(),
                        evaluation.macroAveragedPrecision(),
                        evaluation.macroAveragedRecall(),
                        evaluation.macroAveragedF1()));
        return table.toString();
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
