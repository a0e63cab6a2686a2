package dev.seq2seq.perf;

import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.nn.ForwardListener.Part;

import java.util.function.LongSupplier;

/**
 * Where the time of a training forward pass goes: the encoder, the decoder, the output projection
 * and the loss ({@link ForwardListener.Part}). The training benchmark attaches one to the model it
 * times ({@code Seq2SeqModel.setForwardListener}) to say which part of the forward pass to speed
 * up.
 *
 * <p>Each {@link #partEnded} charges the time since the previous mark (the start of the forward
 * pass, {@link #forwardStarted}, or the previous part's end) to the part that just ended. PyTorch
 * runs CPU operators synchronously, so the wall-clock time between two marks is the time of the
 * operators issued between them. A clock is for one thread: the benchmark's.
 */
public final class ForwardClock implements ForwardListener {

    private final PhaseTimes<Part> times;

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
        this.times = new PhaseTimes<>(Part.class, nanoClock);
    }

    /** Marks the start of a forward pass: the first part's time counts from here. */
    @Override
    public void forwardStarted() {
        times.mark();
    }

    /**
     * Charges the time since the previous mark to the part that just ended.
     *
     * @param part the part that just ended
     */
    @Override
    public void partEnded(Part part) {
        times.charge(part);
    }

    /**
     * Returns the time charged to each part so far.
     *
     * @return the parts' times, which {@link PhaseTimes#reset} sets to zero
     */
    public PhaseTimes<Part> times() {
        return times;
    }
}
