package dev.seq2seq.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.TeacherForcedOutput;

/**
 * Scheduled sampling (Bengio et al. 2015), a training policy: the decoder runs step by step through
 * {@link Seq2SeqModel#encode} and {@link Seq2SeqModel#step}, and at each step each sentence is fed
 * the reference token with probability {@code teacherForcingRatio} and the model's own most likely
 * token (the argmax of the previous step's logits) otherwise. A ratio of 1 is teacher forcing and
 * runs the model's one-pass {@code forward}.
 *
 * <p>Shapes: B batch, S source steps, T target steps, V target vocabulary. The coin flips come from
 * the engine's generator ({@code randomUniform}), which {@link Seeds#seedEverything} seeds.
 */
public final class ScheduledSampling {

    private ScheduledSampling() {}

    /**
     * Runs the model on a batch, feeding back its own predictions with probability {@code 1 -
     * teacherForcingRatio} per sentence and step.
     *
     * @param model the model
     * @param ps the parameter store
     * @param inputs {@code NDList(source (B, S), sourceLengths (B), targetInput (B, T))}
     * @param teacherForcingRatio the probability of feeding the reference token, in [0, 1]
     * @param training whether in training mode
     * @return {@code NDList(logits (B, T, V)[, attention weights (B, T, S)])}
     * @throws IllegalArgumentException if {@code inputs} does not hold three arrays of those shapes
     */
    public static NDList forward(
            Seq2SeqModel model,
            ParameterStore ps,
            NDList inputs,
            double teacherForcingRatio,
            boolean training) {
        NDArray targetInput = Seq2SeqModel.checkInputs(inputs);
        if (teacherForcingRatio >= 1) {
            return model.forward(ps, inputs, training);
        }
        DecoderState state = model.encode(ps, inputs.get(0), inputs.get(1), training);
        NDManager manager = targetInput.getManager();
        long b = targetInput.getShape().get(0);
        long t = targetInput.getShape().get(1);
        NDList logits = new NDList();
        NDList weights = new NDList();
        NDArray tokens = targetInput.get(":, 0"); // (B) <bos>
        for (int i = 0; i < t; i++) {
            DecoderStep step = model.step(ps, tokens, state, training);
            logits.add(step.logits());
            if (step.attentionWeights() != null) {
                weights.add(step.attentionWeights());
            }
            state = step.state();
            if (i + 1 < t) {
                NDArray predicted = step.logits().argMax(1).toType(DataType.INT64, false); // (B)
                NDArray useReference =
                        manager.randomUniform(0f, 1f, new Shape(b)).lt(teacherForcingRatio); // (B)
                tokens = NDArrays.where(useReference, targetInput.get(":, {}", i + 1), predicted);
            }
        }
        return new TeacherForcedOutput(
                        NDArrays.stack(logits, 1), // (B, T, V)
                        weights.isEmpty() ? null : NDArrays.stack(weights, 1)) // (B, T, S)
                .toNDList();
    }
}
