package dev.seq2seq.train;

import dev.seq2seq.train.TrainingStep.Phase;

/**
 * Hears where a training step's time goes, as the model's {@code nn.ForwardListener} hears the
 * parts of its forward pass: the {@link TrainingStep} calls it at the start of each step and at the
 * end of each {@link Phase}, and by default nobody listens ({@link #NONE}). A benchmark attaches
 * one ({@code perf.TrainingClock}) with {@link TrainingStep#setStepListener} while it times steps.
 *
 * <p>A step whose gradient norm is not finite skips its update, so it ends {@link Phase#CLIP} and
 * not {@link Phase#UPDATE}.
 */
public interface StepListener {

    /** The listener that ignores everything: a step's listener unless one is attached. */
    StepListener NONE = phase -> {};

    /** Called when a step starts, before its gradients are zeroed. */
    default void stepStarted() {}

    /**
     * Called at the end of a phase of a step.
     *
     * @param phase the phase that just ended
     */
    void phaseEnded(Phase phase);
}
