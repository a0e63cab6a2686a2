package dev.seq2seq.train;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to stop training early, e.g. set by a Ctrl-C (SIGINT) shutdown hook on another thread.
 * {@link Seq2SeqTrainer} checks it after each batch: when set, the epoch in progress is dropped
 * (not validated, not recorded), and the run ends with the best epoch so far, as after early
 * stopping. Thread-safe.
 */
public final class StopSignal {

    private final AtomicBoolean requested = new AtomicBoolean();

    /** Creates a signal that is not yet set. */
    public StopSignal() {}

    /** Asks the training run to stop after its current batch. */
    public void request() {
        requested.set(true);
    }

    /**
     * Returns whether a stop was requested.
     *
     * @return true once {@link #request} was called
     */
    public boolean isRequested() {
        return requested.get();
    }
}
