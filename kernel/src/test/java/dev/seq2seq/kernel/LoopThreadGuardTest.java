package dev.seq2seq.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZContext;
import org.rapaio.org.zeromq.ZMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The guard on the kernel's real channels, bound to free ports on loopback. Binding a channel
 * starts its loop thread with the kernel's own racy start, and in a test JVM that start ends the
 * thread about one time in ten, so {@link #bindHealthy} makes sure a loop is running before a test
 * breaks it on purpose.
 */
class LoopThreadGuardTest {

    private ConnectionProperties props;
    private Channels channels;

    @BeforeEach
    void createChannels() throws Exception {
        props =
                new ConnectionProperties(
                        freePort(),
                        freePort(),
                        "tcp",
                        "hmac-sha256",
                        freePort(),
                        freePort(),
                        "127.0.0.1",
                        freePort(),
                        "");
        channels = new Channels(props);
    }

    @AfterEach
    void closeChannels() {
        channels.close();
    }

    @Test
    void kernelHasEveryFieldTheGuardReads() {
        assertDoesNotThrow(LoopThreadGuard::checkKernelVersion);
    }

    @Test
    void heartbeatWhoseLoopEndedAtStartAnswersAfterRepair() throws Exception {
        Object heartbeat = bindHealthy("heartbeat");
        assertTrue(answersPing(Duration.ofSeconds(20)), "the heartbeat before it is broken");
        LoopThread loop = loopOf(heartbeat);
        endAsTheRaceDoes(loop);
        assertFalse(answersPing(Duration.ofSeconds(2)), "a heartbeat whose loop has ended");

        assertTrue(LoopThreadGuard.restartIfEndedUnasked(heartbeat));
        assertTrue(answersPing(Duration.ofSeconds(20)), "the heartbeat after the repair");
        LoopThread fresh = loopOf(heartbeat);
        assertNotSame(loop, fresh);
        assertEquals(loop.getName(), fresh.getName());
        assertTrue(fresh.isAlive());
    }

    @Test
    void aRestartedLoopKeepsTheContextClassLoaderOfTheOldOne() throws Exception {
        ClassLoader notebook = new java.net.URLClassLoader(new java.net.URL[0]);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Object shell;
        try {
            Thread.currentThread().setContextClassLoader(notebook); // as the kernel sets it
            shell = bindHealthy("shell");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        LoopThread loop = loopOf(shell);
        assertSame(notebook, loop.getContextClassLoader());
        endAsTheRaceDoes(loop);

        Thread guard = new Thread(() -> LoopThreadGuard.restartIfEndedUnasked(shell));
        guard.setContextClassLoader(ClassLoader.getSystemClassLoader());
        guard.start();
        guard.join();
        LoopThread fresh = loopOf(shell);
        assertNotSame(loop, fresh);
        assertSame(notebook, fresh.getContextClassLoader(), "not the guard thread's");
    }

    @Test
    void aLoopAskedToStopIsNotRestarted() throws Exception {
        Object shell = bindHealthy("shell");
        LoopThread loop = loopOf(shell);
        loop.shutdown();
        loop.join();
        assertFalse(LoopThreadGuard.restartIfEndedUnasked(shell));
        assertFalse(LoopThreadGuard.restartIfEndedUnasked(shell), "asked twice, still left alone");
        assertSame(loop, loopOf(shell));
    }

    @Test
    void aRunningLoopIsLeftAlone() throws Exception {
        Object control = bindHealthy("control");
        LoopThread loop = loopOf(control);
        assertFalse(LoopThreadGuard.restartIfEndedUnasked(control));
        assertSame(loop, loopOf(control));
    }

    @Test
    void aClosedChannelIsLeftAlone() throws Exception {
        Object shell = bindHealthy("shell");
        endAsTheRaceDoes(loopOf(shell));
        channels.close();
        assertFalse(LoopThreadGuard.restartIfEndedUnasked(shell));
    }

    @Test
    void repairNamesEachThreadItRestarted() throws Exception {
        for (String name : LoopThreadGuard.LOOP_CHANNELS) {
            bindHealthy(name);
        }
        LoopThread shellLoop = loopOf(channel("shell"));
        endAsTheRaceDoes(shellLoop);

        assertEquals(List.of(shellLoop.getName()), LoopThreadGuard.repair(channels));
        assertEquals(List.of(), LoopThreadGuard.repair(channels), "a repaired loop keeps running");
        for (String name : LoopThreadGuard.LOOP_CHANNELS) {
            assertTrue(loopOf(channel(name)).isAlive(), name);
        }
    }

    /**
     * Binds the channel, then waits 200 ms: a loop thread still alive by then has passed its first
     * check of the flag and keeps running. One that the kernel's start-up race ended is started
     * again by the guard (what the other tests prove).
     */
    private Object bindHealthy(String name) throws Exception {
        Object channel = channel(name);
        channel.getClass().getMethod("bind", ConnectionProperties.class).invoke(channel, props);
        LoopThread loop = loopOf(channel);
        loop.join(200);
        if (!loop.isAlive()) {
            assertTrue(LoopThreadGuard.restartIfEndedUnasked(channel), "the race's signature");
        }
        assertTrue(loopOf(channel).isAlive(), name + " loop running");
        return channel;
    }

    /** The end state of the start-up race: the thread has ended, and its flag says running. */
    private static void endAsTheRaceDoes(LoopThread loop) throws Exception {
        loop.shutdown();
        loop.join();
        LoopThreadGuard.field(LoopThread.class, "running").setBoolean(loop, true);
        assertTrue(LoopThreadGuard.endedUnasked(loop));
    }

    /**
     * True if the heartbeat echoes a ping within the time given. Each try uses a new REQ socket and
     * waits 500 ms: in a tight loop of new connections, about 1 ping in 20 to a running heartbeat
     * goes unanswered here, so one try is not a verdict.
     */
    private boolean answersPing(Duration within) {
        long end = System.nanoTime() + within.toNanos();
        try (ZContext context = new ZContext()) {
            while (System.nanoTime() < end) {
                try (ZMQ.Socket ping = context.createSocket(SocketType.REQ)) {
                    ping.setReceiveTimeOut(500);
                    ping.setLinger(0);
                    ping.connect(props.formatAddress(props.hbPort()));
                    ping.send("ping");
                    byte[] echo = ping.recv();
                    if (echo != null) {
                        assertArrayEquals("ping".getBytes(StandardCharsets.UTF_8), echo);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Object channel(String name) throws IllegalAccessException {
        return LoopThreadGuard.field(Channels.class, name).get(channels);
    }

    private static LoopThread loopOf(Object channel) throws IllegalAccessException {
        return (LoopThread) LoopThreadGuard.field(channel.getClass(), "loopThread").get(channel);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
