package dev.seq2seq.nn;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where the time of a training forward pass goes: the encoder, the decoder, the output projection
 * and the loss. The training benchmark reads it to say which part of the forward pass to speed up.
 *
 * <p>It is a probe, not a timer the model owns. The model's code marks the end of each part with
 * {@link #lap}, which charges the time since the previous mark to that part of the clock running on
 * the current thread, and does nothing when no clock runs there (searches, notebooks, tests).
 * PyTorch runs CPU operators synchronously, so the wall-clock time between two marks is the time of
 * the operators issued between them. The parts cover the time from {@link #resume} to the last
 * mark:
 *
 * <ul>
 *   <li>{@link Part#ENCODER}: up to the end of {@link Seq2SeqModel#encode}: the source embedding,
 *       the encoder, the bridge and the decoder's initial state (for additive attention, the keys,
 *       projected once per source);
 *   <li>{@link Part#DECODER}: the decoder up to its features, before each call of the output
 *       projection: the target embedding, the recurrence or the layers, attention, the readout (in
 *       scheduled sampling, also the choice of each next input token);
 *   <li>{@link Part#OUTPUT_PROJECTION}: the features' dropout and their projection to vocabulary
 *       scores, {@code (.., F) x (F, V)};
 *   <li>{@link Part#LOSS}: the masked cross-entropy, marked by the trainer.
 * </ul>
 *
 * <p>Under teacher forcing the recurrent decoders and the Transformer project all T positions at
 * once, so each part is one lap per batch; scheduled sampling projects at every step, and the
 * decoder and output projection then get T laps each.
 */
public final class ForwardClock {

    /** The parts of a forward pass, in the order they run. */
    public enum Part {
        ENCODER,
        DECODER,
        OUTPUT_PROJECTION,
        LOSS
    }

    private static final ThreadLocal<ForwardClock> RUNNING = new ThreadLocal<>();

    private final long[] nanos = new long[Part.values().length];
    private final long[] laps = new long[Part.values().length];
    private final LongSupplier nanoClock;
    private long mark;

    /** A clock that reads {@link System#nanoTime()}. */
    public ForwardClock() {
        this(System::nanoTime);
    }

    /**
     * A clock that reads the given nanosecond counter, e.g. a fake one in a test.
     *
     * @param nanoClock the counter, in nanoseconds, never decreasing
     */
    public ForwardClock(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Runs this clock on the current thread from now: the next {@link #lap} charges the time from
     * here.
     *
     * @throws IllegalStateException if another clock runs on this thread
     */
    public void resume() {
        ForwardClock running = RUNNING.get();
        if (running != null && running != this) {
            throw new IllegalStateException("another ForwardClock runs on this thread");
        }
        RUNNING.set(this);
        mark = nanoClock.getAsLong();
    }

    /** Stops this clock on the current thread; later laps there do nothing until a resume. */
    public void pause() {
        if (RUNNING.get() == this) {
            RUNNING.remove();
        }
    }

    /**
     * Marks the end of a part: charges the time since the previous mark to it, on the clock that
     * runs on the current thread, if any.
     *
     * @param part the part that just ended
     */
    public static void lap(Part part) {
        ForwardClock running = RUNNING.get();
        if (running != null) {
            long now = running.nanoClock.getAsLong();
            running.nanos[part.ordinal()] += now - running.mark;
            running.laps[part.ordinal()]++;
            running.mark = now;
        }
    }

    /**
     * Returns the time charged to a part.
     *
     * @param part the part
     * @return seconds since creation or the last {@link #reset}
     */
    public double seconds(Part part) {
        return nanos[part.ordinal()] / 1e9;
    }

    /**
     * Returns the time charged to every part.
     *
     * @return each part with its seconds, in order
     */
    public Map<Part, Double> seconds() {
        Map<Part, Double> seconds = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            seconds.put(part, seconds(part));
        }
        return Collections.unmodifiableMap(seconds);
    }

    /**
     * Returns how many times a part was marked.
     *
     * @param part the part
     * @return laps since creation or the last {@link #reset}
     */
    public long laps(Part part) {
        return laps[part.ordinal()];
    }

    /** Sets every part's time and laps to zero. */
    public void reset() {
        Arrays.fill(nanos, 0);
        Arrays.fill(laps, 0);
    }
}
