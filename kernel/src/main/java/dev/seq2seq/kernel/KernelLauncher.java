package dev.seq2seq.kernel;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;

import java.util.List;
import java.util.logging.Logger;

/**
 * Starts rapaio-jupyter-kernel so that it becomes ready every time.
 *
 * <p>The kernelspec that {@code bin/setup} registers as {@code java} runs this class with the
 * kernel's jar on the class path: {@code java -cp seq2seq-kernel.jar:rapaio-jupyter-kernel.jar
 * dev.seq2seq.kernel.KernelLauncher CONNECTION_FILE}. It starts a daemon thread that watches the
 * kernel's loop threads ({@link LoopThreadGuard}), then hands over to the kernel's own {@code
 * MainApp.main}, unchanged. The watch runs every 10 ms for the first minute, when the start-up race
 * strikes, and every 500 ms after that. Each repair is logged to the kernel's log (standard error),
 * so {@code scripts/kernel_starts.py} can count them.
 */
public final class KernelLauncher {

    private static final Logger LOG = Logger.getLogger(KernelLauncher.class.getSimpleName());
    private static final long FAST_MILLIS = 10;
    private static final long SLOW_MILLIS = 500;
    private static final long FAST_FOR_MILLIS = 60_000;

    private KernelLauncher() {}

    /**
     * Runs the kernel with the guard.
     *
     * @param args the kernel's arguments: the connection file Jupyter wrote
     * @throws Exception what the kernel's own main throws
     */
    public static void main(String[] args) throws Exception {
        initializeKernelHere();
        try {
            LoopThreadGuard.checkKernelVersion();
            Thread guard = new Thread(KernelLauncher::watch, "seq2seq-loop-guard");
            guard.setDaemon(true);
            guard.start();
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage() + "; starting the kernel without the start-up guard");
        }
        MainApp.main(args);
    }

    /**
     * Builds the kernel on this (the main) thread, before the guard thread exists. {@code MainApp}
     * builds its kernel, and with it the JShell that runs the cells, when the class is initialised,
     * on whichever thread touches the class first; JShell then sets <em>that</em> thread's context
     * class loader to the loader of the notebook's class path ({@code %jars}). The kernel's loop
     * threads, and the threads that run the cells, inherit the main thread's loader, so the main
     * thread must be the one: if the guard's first look at {@code MainApp.kernel} won the race, the
     * cells ran with the application class loader, and DJL's ServiceLoader found no engine ("Not
     * supported by PassthroughNDManager"), as 1 quick notebook of 12 did on 2026-12-07.
     */
    static void initializeKernelHere() throws ClassNotFoundException {
        Class.forName(MainApp.class.getName(), true, KernelLauncher.class.getClassLoader());
    }

    private static void watch() {
        long start = System.currentTimeMillis();
        while (true) {
            Channels channels = MainApp.kernel.channels(); // set once every channel is bound
            if (channels != null) {
                List<String> restarted = LoopThreadGuard.repair(channels);
                for (String name : restarted) {
                    LOG.warning(
                            "loop thread "
                                    + name
                                    + " had ended without being asked to stop"
                                    + " (rapaio-jupyter-kernel's start-up race); started it again");
                }
            }
            long elapsed = System.currentTimeMillis() - start;
            try {
                Thread.sleep(elapsed < FAST_FOR_MILLIS ? FAST_MILLIS : SLOW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
