package dev.seq2seq.eval;

import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligned reference and predicted tokens as Tribuo predictions, each token its own {@link Label}:
 * the example's output is the reference, the prediction's output the predicted token. Pool the
 * tokens first ({@link TokenClasses#classify}) to keep the label domain small.
 */
final class TribuoPredictions {

    private TribuoPredictions() {}

    /**
     * Converts aligned tokens.
     *
     * @param references the reference tokens
     * @param predicted the predicted tokens, aligned with {@code references}
     * @return one prediction per position, in order; equal tokens share one {@code Label}
     * @throws IllegalArgumentException if the lists differ in size, naming both sizes
     */
    static List<Prediction<Label>> of(List<String> references, List<String> predicted) {
        AlignedTokens.requireSameSize(
                "references", references.size(), "predictions", predicted.size());
        Map<String, Label> interned = new HashMap<>();
        List<Prediction<Label>> result = new ArrayList<>(references.size());
        for (int i = 0; i < references.size(); i++) {
            Label truth = interned.computeIfAbsent(references.get(i), Label::new);
            Example<Label> example = new ArrayExample<>(truth, 1f, 0);
            Label output = interned.computeIfAbsent(predicted.get(i), Label::new);
            result.add(new Prediction<>(output, 0, example));
        }
        return result;
    }
}
