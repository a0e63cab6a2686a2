package dev.seq2seq.perf;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Wall-clock time charged to the phases of something that runs them in order, one after another:
 * {@link #mark} starts the clock, and each {@link #charge} gives the time since the previous mark
 * to the phase that just ended and marks again. PyTorch runs CPU operators synchronously, so the
 * time between two marks is the time of the operators issued between them. {@link TrainingClock}
 * marks and charges two: the phases of a training step and the parts of a forward pass; readers get
 * it from them. For one thread.
 *
 * @param <E> the phases
 */
public final class PhaseTimes<E extends Enum<E>> {

    private final Class<E> phases;
    private final long[] nanos;
    private final long[] laps;
    private final LongSupplier nanoClock;
    private long mark;

    /**
     * Creates the times, all zero, marked now.
     *
     * @param phases the enum of the phases
     * @param nanoClock the nanosecond counter, never decreasing ({@link System#nanoTime}, or a fake
     *     one in a test)
     */
    PhaseTimes(Class<E> phases, LongSupplier nanoClock) {
        this.phases = phases;
        this.nanos = new long[phases.getEnumConstants().length];
        this.laps = new long[nanos.length];
        this.nanoClock = nanoClock;
        this.mark = nanoClock.getAsLong();
    }

    /** Marks a start: the next phase's time counts from here. */
    void mark() {
        mark = nanoClock.getAsLong();
    }

    /**
     * Charges the time since the previous mark to a phase that just ended, and marks.
     *
     * @param phase the phase
     */
    void charge(E phase) {
        long now = nanoClock.getAsLong();
        nanos[phase.ordinal()] += now - mark;
        laps[phase.ordinal()]++;
        mark = now;
    }

    /**
     * Returns the time charged to a phase.
     *
     * @param phase the phase
     * @return seconds since creation or the last {@link #reset}
     */
    public double seconds(E phase) {
        return nanos[phase.ordinal()] / 1e9;
    }

    /**
     * Returns the time charged to every phase.
     *
     * @return each phase with its seconds, in order; unmodifiable
     */
    public Map<E, Double> seconds() {
        Map<E, Double> seconds = new EnumMap<>(phases);
        for (E phase : phases.getEnumConstants()) {
            seconds.put(phase, seconds(phase));
        }
        return Collections.unmodifiableMap(seconds);
    }

    /**
     * Returns how many times a phase ended.
     *
     * @param phase the phase
     * @return ends since creation or the last {@link #reset}
     */
    public long laps(E phase) {
        return laps[phase.ordinal()];
    }

    /** Sets every phase's time and laps to zero. */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(laps, 0);
    }
}
