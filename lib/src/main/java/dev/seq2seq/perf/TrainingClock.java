package dev.seq2seq.perf;

import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.train.StepListener;
import dev.seq2seq.train.TrainingStep.Phase;

import java.util.function.LongSupplier;

/**
 * Where the time of a training step goes: its phases, forward, backward, clipping and the update
 * ({@link Phase}), and within the forward phase the parts of the pass, the encoder, the decoder,
 * the output projection and the loss ({@link ForwardListener.Part}). The training benchmark
 * attaches one clock to the step it times ({@code TrainingStep.setStepListener}) and to the model
 * ({@code Seq2SeqModel.setForwardListener}), to say which phase, and which part of the forward
 * pass, to speed up.
 *
 * <p>Each {@link #phaseEnded} charges the time since the previous phase mark (the start of the
 * step, {@link #stepStarted}, or the previous phase's end) to the phase that just ended; each
 * {@link #partEnded} likewise charges the part that just ended, counting from {@link
 * #forwardStarted} or the previous part's end. PyTorch runs CPU operators synchronously, so the
 * wall-clock time between two marks is the time of the operators issued between them. A clock is
 * for one thread: the benchmark's.
 */
public final class TrainingClock implements StepListener, ForwardListener {

    private final PhaseTimes<Phase> phases;
    private final PhaseTimes<Part> parts;

    /** A clock that reads {@link System#nanoTime()}. */
    public TrainingClock() {
        this(System::nanoTime);
    }

    /**
     * A clock that reads the given nanosecond counter, e.g. a fake one in a test.
     *
     * @param nanoClock the counter, in nanoseconds, never decreasing
     */
    public TrainingClock(LongSupplier nanoClock) {
        this.phases = new PhaseTimes<>(Phase.class, nanoClock);
        this.parts = new PhaseTimes<>(Part.class, nanoClock);
    }

    /** Marks the start of a step: the forward phase's time counts from here. */
    @Override
    public void stepStarted() {
        phases.mark();
    }

    /**
     * Charges the time since the previous phase mark to the phase that just ended.
     *
     * @param phase the phase that just ended
     */
    @Override
    public void phaseEnded(Phase phase) {
        phases.charge(phase);
    }

    /** Marks the start of a forward pass: the first part's time counts from here. */
    @Override
    public void forwardStarted() {
        parts.mark();
    }

    /**
     * Charges the time since the previous part mark to the part that just ended.
     *
     * @param part the part that just ended
     */
    @Override
    public void partEnded(Part part) {
        parts.charge(part);
    }

    /**
     * Returns the time charged to each phase of a step so far.
     *
     * @return the phases' times, which {@link PhaseTimes#reset} sets to zero
     */
    public PhaseTimes<Phase> phaseTimes() {
        return phases;
    }

    /**
     * Returns the time charged to each part of the forward pass so far.
     *
     * @return the parts' times, which {@link PhaseTimes#reset} sets to zero
     */
    public PhaseTimes<Part> partTimes() {
        return parts;
    }
}
