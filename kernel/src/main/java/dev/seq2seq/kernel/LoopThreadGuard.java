package dev.seq2seq.kernel;

import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts a loop thread of rapaio-jupyter-kernel that ended without being asked to stop.
 *
 * <p>The kernel serves its shell, control and heartbeat sockets each from a {@link LoopThread}. In
 * 3.0.1 (and in 3.0.2-3.0.4, whose start-up code is the same) {@code LoopThread.start()} starts the
 * thread before it sets the thread's {@code running} flag, so the new thread may read the flag as
 * false and end at once. When that is the shell channel's thread, {@code kernel_info_request} is
 * never answered and Jupyter shows a kernel that never becomes ready (measured here: 1 start in 20
 * at rest, 11 in 35 during a CI run). The same signature is left by a loop that died of an
 * exception: a message read before the kernel had registered its handlers.
 *
 * <p>A loop asked to stop ({@code shutdown()}) has its flag cleared first; so a thread that has
 * <em>terminated while its flag still says running</em> was never asked to stop. That is what this
 * guard looks for. It replaces such a thread with a new {@code LoopThread} of the same name, period
 * and body, and the same context class loader (the cells it runs load classes and services, such as
 * DJL's engine, through it), sets the new thread's flag <em>before</em> starting it (so the race
 * cannot recur), and stores it in the channel's field, where the channel's {@code close()} and
 * {@code joinUntilClose()} find it. A closed channel is left alone.
 *
 * <p>It reads the kernel's private fields by reflection, so it is tied to the kernel version the
 * build pins ({@code rapaio.version} in the parent pom); {@link #checkKernelVersion()} says which
 * field is missing when another version is used.
 */
final class LoopThreadGuard {

    /** The {@link Channels} fields that hold a channel with a loop thread. */
    static final List<String> LOOP_CHANNELS = List.of("shell", "control", "heartbeat");

    private static final Field RUNNING = field(LoopThread.class, "running");
    private static final Field PERIOD = field(LoopThread.class, "sleep");
    private static final Field BODY = field(LoopThread.class, "loopBody");

    private LoopThreadGuard() {}

    /**
     * Checks that the kernel on the class path has every field this guard reads.
     *
     * @throws IllegalStateException naming the first missing field
     */
    static void checkKernelVersion() {
        for (String name : LOOP_CHANNELS) {
            Field channel = field(Channels.class, name);
            field(channel.getType(), "loopThread");
            field(channel.getType(), "closed");
        }
    }

    /**
     * Restarts each loop thread of the given channels that ended while its flag said running.
     *
     * @return the names of the threads restarted (empty when all were healthy)
     */
    static List<String> repair(Channels channels) {
        List<String> restarted = new ArrayList<>();
        for (String name : LOOP_CHANNELS) {
            Object channel = get(field(Channels.class, name), channels);
            if (restartIfEndedUnasked(channel)) {
                restarted.add(
                        ((Thread) get(field(channel.getClass(), "loopThread"), channel)).getName());
            }
        }
        return restarted;
    }

    /**
     * Replaces the channel's loop thread if it terminated while its running flag was still set.
     *
     * @param channel an object with a {@code LoopThread loopThread} field and a {@code boolean
     *     closed} field (a kernel channel)
     * @return true if a new thread was started
     */
    static boolean restartIfEndedUnasked(Object channel) {
        Field loopField = field(channel.getClass(), "loopThread");
        LoopThread old = (LoopThread) get(loopField, channel);
        boolean closed = (boolean) get(field(channel.getClass(), "closed"), channel);
        if (old == null || closed || !endedUnasked(old)) {
            return false;
        }
        LoopThread fresh =
                new LoopThread(old.getName(), (long) get(PERIOD, old), (Runnable) get(BODY, old));
        set(RUNNING, fresh, true); // before start(): the new thread can only see the flag set
        // The shell loop submits the cells to the kernel's executor, whose threads inherit this
        // thread's context class loader: it must be the one the kernel gave the old loop (the
        // notebook's class path), or DJL's ServiceLoader finds no engine in the cells.
        fresh.setContextClassLoader(old.getContextClassLoader());
        set(loopField, channel, fresh);
        fresh.start();
        return true;
    }

    /** True if the thread has terminated although nobody cleared its running flag. */
    static boolean endedUnasked(LoopThread thread) {
        return thread.getState() == Thread.State.TERMINATED && (boolean) get(RUNNING, thread);
    }

    /** The named field of the class or of one of its superclasses, made accessible. */
    static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(
                "rapaio-jupyter-kernel has no field "
                        + type.getSimpleName()
                        + "."
                        + name
                        + ": the launcher is written for the version the parent pom pins");
    }

    private static Object get(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    private static void set(Field f, Object target, Object value) {
        try {
            f.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot write " + f, e);
        }
    }
}
