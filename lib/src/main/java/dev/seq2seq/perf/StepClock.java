package dev.seq2seq.perf;

import dev.seq2seq.train.StepListener;
import dev.seq2seq.train.TrainingStep.Phase;

import java.util.function.LongSupplier;

/**
 * Where the time of a training step goes: forward, backward, clipping and the update ({@link
 * Phase}). The training benchmark attaches one to the step it times ({@code
 * TrainingStep.setStepListener}); with the {@link ForwardClock} on the model it says which phase,
 * and which part of the forward phase, to speed up.
 *
 * <p>Each {@link #phaseEnded} charges the time since the previous mark (the start of the step,
 * {@link #stepStarted}, or the previous phase's end) to the phase that just ended. For one thread:
 * the benchmark's.
 */
public final class StepClock implements StepListener {

    private final PhaseTimes<Phase> times;

    /** A clock that reads {@link System#nanoTime()}. */
    public StepClock() {
        this(System::nanoTime);
    }

    /**
     * A clock that reads the given nanosecond counter, e.g. a fake one in a test.
     *
     * @param nanoClock the counter, in nanoseconds, never decreasing
     */
    public StepClock(LongSupplier nanoClock) {
        this.times = new PhaseTimes<>(Phase.class, nanoClock);
    }

    /** Marks the start of a step: the forward phase's time counts from here. */
    @Override
    public void stepStarted() {
        times.mark();
    }

    /**
     * Charges the time since the previous mark to the phase that just ended.
     *
     * @param phase the phase that just ended
     */
    @Override
    public void phaseEnded(Phase phase) {
        times.charge(phase);
    }

    /**
     * Returns the time charged to each phase so far.
     *
     * @return the phases' times, which {@link PhaseTimes#reset} sets to zero
     */
    public PhaseTimes<Phase> times() {
        return times;
    }
}
