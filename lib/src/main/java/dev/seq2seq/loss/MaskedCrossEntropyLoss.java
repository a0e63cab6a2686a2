package dev.seq2seq.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import ai.djl.util.Preconditions;

import dev.seq2seq.Scalars;
import dev.seq2seq.Shapes;

/**
 * Token-level cross-entropy over the valid (non-padding) target steps of a batch, with optional
 * label smoothing.
 *
 * <p>B: batch, T: target steps, V: vocabulary. Labels are {@code NDList(targets (B, T) int64,
 * targetLengths (B) int64)}, e.g. {@code new NDList(batch.targetOutput(), batch.targetLengths())};
 * predictions are {@code NDList(logits (B, T, V), ...)}, unnormalised scores (further entries, such
 * as attention weights, are ignored). Step t of row b is valid when {@code t < targetLengths[b]};
 * the mask is built as {@code arange(T).lt(lengths.expandDims(1))}, because DJL's {@code
 * sequenceMask} (and so {@code MaskedSoftmaxCrossEntropyLoss}) throws on PyTorch.
 *
 * <p>With {@code log p = logSoftmax(logits)} and label smoothing ε (Szegedy et al. 2016,
 * "Rethinking the Inception Architecture", section 7), the loss of one valid token with target y is
 *
 * <pre>
 *   l = (1 − ε) · (−log p(y)) + ε · (−(1/V) Σ_v log p(v))
 * </pre>
 *
 * and {@link #evaluate} returns the mean of l over the valid tokens of the batch: padding
 * contributes nothing, whatever its logits. Inputs are never modified.
 *
 * <p>DJL's own accumulator ({@link Loss#getAccumulator}) averages the per-batch means; for a
 * token-weighted mean, perplexity and accuracy over an epoch, sum {@link #tokenStats} instead.
 */
public final class MaskedCrossEntropyLoss extends Loss {

    private final float labelSmoothing;

    private MaskedCrossEntropyLoss(Builder builder) {
        super(builder.name);
        this.labelSmoothing = builder.labelSmoothing;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the label smoothing ε.
     *
     * @return ε in [0, 1)
     */
    public float labelSmoothing() {
        return labelSmoothing;
    }

    /**
     * Computes the mean loss per valid target token. Row lengths above T count as T. A batch with
     * no valid token has loss 0.
     *
     * @param labels {@code NDList(targets (B, T) int64, targetLengths (B) int64)}
     * @param predictions {@code NDList(logits (B, T, V), ...)}
     * @return the loss, a scalar of the logits' type, differentiable with respect to the logits
     * @throws IllegalArgumentException if the lists have the wrong size or a shape is wrong
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return evaluate(labels, predictions, false).loss();
    }

    /**
     * The loss of {@link #evaluate} and the counts of {@link #tokenStats} in one pass, sharing the
     * log-softmax over (B, T, V), the largest element-wise operation of a training step.
     *
     * @param loss the mean loss per valid target token, differentiable with respect to the logits
     * @param stats the batch's counts
     */
    public record Evaluation(NDArray loss, TokenStats stats) {}

    /**
     * Computes the loss and the batch's counts together: the same values as {@link #evaluate} and
     * {@link #tokenStats}, with one log-softmax instead of two.
     *
     * @param labels {@code NDList(targets (B, T) int64, targetLengths (B) int64)}
     * @param predictions {@code NDList(logits (B, T, V), ...)}
     * @return the loss (a scalar of the logits' type) and the counts
     * @throws IllegalArgumentException if the lists have the wrong size or a shape is wrong
     */
    public Evaluation evaluateWithStats(NDList labels, NDList predictions) {
        return evaluate(labels, predictions, true);
    }

    /** The loss and, when asked, the counts (else null), from one log-softmax. */
    private Evaluation evaluate(NDList labels, NDList predictions, boolean withStats) {
        NDArray logits = checkedLogits(labels, predictions);
        try (NDManager scope = NDManager.subManagerOf(logits)) {
            scope.tempAttachAll(labels, predictions);
            NDArray mask = validMask(labels.get(0), labels.get(1)); // (B, T) boolean
            NDArray targets = maskedTargets(labels.get(0), mask); // (B, T)
            NDArray logProbs = logits.logSoftmax(2); // (B, T, V)
            NDArray nll = targetNll(logProbs, targets); // (B, T)
            TokenStats stats =
                    withStats
                            ? counts(nll.stopGradient(), logits.stopGradient(), targets, mask)
                            : null;
            return new Evaluation(scope.ret(meanLoss(logProbs, nll, mask)), stats);
        }
    }

    /** −log p(y) of each step's target (B, T). */
    private static NDArray targetNll(NDArray logProbs, NDArray targets) {
        return logProbs.gather(targets.expandDims(2), 2).squeeze(2).neg(); // (B, T)
    }

    /** The label-smoothed loss averaged over the valid steps, a scalar. */
    private NDArray meanLoss(NDArray logProbs, NDArray nll, NDArray mask) {
        NDArray perToken = nll; // (B, T)
        if (labelSmoothing > 0) {
            NDArray uniform = logProbs.mean(new int[] {2}).neg(); // (B, T)
            // Scalars, not mul(Number): the backward reads these two scalars
            NDArray keep = Scalars.of(perToken, 1 - labelSmoothing);
            NDArray spread = Scalars.of(uniform, labelSmoothing);
            perToken = perToken.mul(keep).add(uniform.mul(spread));
        }
        NDArray summed = NDArrays.where(mask, perToken, perToken.zerosLike()).sum(); // ()
        NDArray count = mask.sum().toType(logProbs.getDataType(), false).maximum(1); // ()
        return summed.div(count);
    }

    /**
     * Counts, for one batch, the summed negative log-likelihood, the valid target tokens and the
     * correct argmax predictions among them, with one device-to-host copy. The NLL is the plain,
     * unsmoothed {@code −log p(y)}, so that {@code exp(nllSum / tokens)} is the perplexity. Summing
     * these over the batches of an epoch gives token-weighted means (a batch of long sentences
     * weighs more than one of short sentences, unlike the mean of per-batch losses).
     *
     * @param labels {@code NDList(targets (B, T) int64, targetLengths (B) int64)}
     * @param predictions {@code NDList(logits (B, T, V), ...)}
     * @return the batch's counts
     * @throws IllegalArgumentException if the lists have the wrong size or a shape is wrong
     */
    public static TokenStats tokenStats(NDList labels, NDList predictions) {
        NDArray logits = checkedLogits(labels, predictions);
        try (NDManager scope = NDManager.subManagerOf(logits)) {
            scope.tempAttachAll(labels, predictions);
            NDArray scores = logits.stopGradient(); // (B, T, V)
            NDArray mask = validMask(labels.get(0), labels.get(1)); // (B, T) boolean
            NDArray targets = maskedTargets(labels.get(0), mask); // (B, T)
            return counts(targetNll(scores.logSoftmax(2), targets), scores, targets, mask);
        }
    }

    /** Sums the NLL, the valid tokens and the argmax hits, with one device-to-host copy. */
    private static TokenStats counts(NDArray nll, NDArray scores, NDArray targets, NDArray mask) {
        NDArray valid = NDArrays.where(mask, nll, nll.zerosLike()); // (B, T)
        NDArray nllSum = valid.toType(DataType.FLOAT64, false).sum(); // ()
        NDArray hits = scores.argMax(2).eq(targets).logicalAnd(mask); // (B, T) boolean
        NDList sums = new NDList(nllSum, mask.sum(), hits.sum());
        for (int i = 0; i < sums.size(); i++) {
            sums.set(i, sums.get(i).toType(DataType.FLOAT64, false));
        }
        double[] host = NDArrays.stack(sums).toDoubleArray(); // one copy: (3)
        return new TokenStats(host[0], Math.round(host[1]), Math.round(host[2]));
    }

    private static NDArray checkedLogits(NDList labels, NDList predictions) {
        if (labels.size() != 2) {
            throw new IllegalArgumentException(
                    "labels: expected NDList(targets (B, T), targetLengths (B)), got "
                            + labels.size()
                            + " arrays (pass batch.targetOutput() and batch.targetLengths(), not"
                            + " all of a Seq2SeqBatch's labels)");
        }
        Preconditions.checkArgument(
                !predictions.isEmpty(), "predictions: expected NDList(logits (B, T, V))");
        NDArray targets = labels.get(0);
        Shapes.check("targets", targets, "B, T", Shapes.ANY, Shapes.ANY);
        long b = targets.getShape().get(0);
        long t = targets.getShape().get(1);
        Shapes.check("targetLengths", labels.get(1), "B", b);
        return Shapes.check("logits", predictions.get(0), "B, T, V", b, t, Shapes.ANY);
    }

    /** Returns the (B, T) boolean mask {@code t < lengths[b]}; arrays go to the current scope. */
    private static NDArray validMask(NDArray targets, NDArray lengths) {
        int t = (int) targets.getShape().get(1);
        NDArray steps = targets.getManager().arange(0, t, 1, DataType.INT64); // (T)
        return steps.expandDims(0).lt(int64(lengths).expandDims(1)); // (B, T)
    }

    /** Returns the targets as int64, with 0 at invalid steps so that any padding id is safe. */
    private static NDArray maskedTargets(NDArray targets, NDArray mask) {
        NDArray ids = int64(targets);
        return NDArrays.where(mask, ids, ids.zerosLike()); // (B, T)
    }

    private static NDArray int64(NDArray ids) {
        return ids.getDataType() == DataType.INT64 ? ids : ids.toType(DataType.INT64, false);
    }

    /** Builds a {@link MaskedCrossEntropyLoss}. */
    public static final class Builder {
        private String name = "MaskedCrossEntropyLoss";
        private float labelSmoothing;

        private Builder() {}

        /**
         * Sets the name under which DJL reports the loss (default "MaskedCrossEntropyLoss").
         *
         * @param name the name
         * @return this builder
         */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the label smoothing ε (default 0, no smoothing; 0.1 is common).
         *
         * @param labelSmoothing ε in [0, 1)
         * @return this builder
         */
        public Builder optLabelSmoothing(float labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /**
         * Builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException if ε is outside [0, 1) or the name is blank
         */
        public MaskedCrossEntropyLoss build() {
            if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
                throw new IllegalArgumentException(
                        "labelSmoothing must be in [0, 1), got " + labelSmoothing);
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, got '" + name + "'");
            }
            return new MaskedCrossEntropyLoss(this);
        }
    }
}
