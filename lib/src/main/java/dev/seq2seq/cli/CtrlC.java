package dev.seq2seq.cli;

import dev.seq2seq.train.StopSignal;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Turns Ctrl-C (SIGINT, or any other orderly shutdown of the JVM) during training into a {@link
 * StopSignal}: a shutdown hook sets the signal, says so, and holds the JVM until {@link #close}
 * (after the checkpoint is saved), so that the process ends only once the best epoch so far is on
 * disk. Closing removes the hook.
 */
final class CtrlC implements AutoCloseable {

    private final StopSignal signal = new StopSignal();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(PrintStream err) {
        this.hook =
                new Thread(
                        () -> {
                            signal.request();
                            err.println(
                                    "stopping after the current batch; saving the best epoch so"
                                            + " far...");
                            try {
                                done.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "seq2seq-ctrl-c");
    }

    /**
     * Installs the hook.
     *
     * @param err where the hook says that training stops
     * @return the installed hook, to close after saving
     */
    static CtrlC install(PrintStream err) {
        CtrlC ctrlC = new CtrlC(err);
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    /**
     * Returns the signal the hook sets.
     *
     * @return the stop signal for the trainer
     */
    StopSignal signal() {
        return signal;
    }

    /** Lets a pending shutdown proceed, and removes the hook if the JVM is not shutting down. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and now returns
        }
    }
}
