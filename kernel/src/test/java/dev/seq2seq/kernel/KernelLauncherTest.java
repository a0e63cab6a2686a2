package dev.seq2seq.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

class KernelLauncherTest {

    /**
     * The kernel's JShell must give the notebook's class loader to the thread that builds it, which
     * must be the launcher's own (main) thread, whose loader the loop threads and the threads that
     * run the cells inherit; and a thread started after it, like the guard, inherits it too.
     */
    @Test
    void theKernelIsBuiltOnTheLaunchingThreadWhichGetsTheNotebooksClassLoader() throws Exception {
        ClassLoader application = ClassLoader.getSystemClassLoader();
        AtomicReference<ClassLoader> launcher = new AtomicReference<>();
        AtomicReference<ClassLoader> startedAfter = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread main =
                new Thread(
                        () -> {
                            try {
                                KernelLauncher.initializeKernelHere();
                                launcher.set(Thread.currentThread().getContextClassLoader());
                                Thread after =
                                        new Thread(
                                                () ->
                                                        startedAfter.set(
                                                                Thread.currentThread()
                                                                        .getContextClassLoader()));
                                after.start();
                                after.join();
                            } catch (Throwable e) {
                                failure.set(e);
                            }
                        },
                        "launcher");
        main.setContextClassLoader(application);
        main.start();
        main.join(120_000);
        assertNull(failure.get());
        assertNotSame(application, launcher.get(), "JShell set the launching thread's loader");
        assertEquals(
                "jdk.jshell.execution.DefaultLoaderDelegate$RemoteClassLoader",
                launcher.get().getClass().getName());
        assertEquals(launcher.get(), startedAfter.get(), "inherited by threads started after");
    }
}
