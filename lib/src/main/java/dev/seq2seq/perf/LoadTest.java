package dev.seq2seq.perf;

import ai.djl.util.Preconditions;

import dev.seq2seq.serve.SearchSettings;
import dev.seq2seq.serve.TranslateRequest;
import dev.seq2seq.serve.TranslationClient;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load test of {@code POST /translate}: C clients, each sending one sentence per
 * request and the next as soon as the answer arrives, for a fixed time. Sentences are taken in turn
 * from a list. Meant for loopback (a server of one's own); a benchmark, not a unit test.
 */
public final class LoadTest {

    private final String url;
    private final List<String> sentences;
    private final int clients;
    private final Duration duration;
    private final int beam;

    /**
     * Creates a load test.
     *
     * @param serverUrl the server's address, e.g. {@code http://127.0.0.1:8080/}
     * @param sentences the sentences to send, in turn; at least one
     * @param clients C, concurrent clients, at least 1
     * @param duration how long to send
     * @param beam the beam size each request asks for (1: greedy)
     * @throws IllegalArgumentException if there are no sentences or fewer than one client
     */
    public LoadTest(
            String serverUrl, List<String> sentences, int clients, Duration duration, int beam) {
        Preconditions.checkArgument(
                !sentences.isEmpty() && clients >= 1 && beam >= 1,
                "a load test needs sentences, clients >= 1 and beam >= 1, got "
                        + sentences.size()
                        + " sentences, "
                        + clients
                        + " clients, beam "
                        + beam);
        this.url = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.sentences = List.copyOf(sentences);
        this.clients = clients;
        this.duration = duration;
        this.beam = beam;
    }

    /**
     * What a load test measured.
     *
     * @param clients C
     * @param seconds the wall-clock time of the run
     * @param requests requests answered with 200
     * @param errors requests answered otherwise, or not at all
     * @param latencyMillis the sorted latencies of the answered requests, in milliseconds
     */
    public record Result(
            int clients, double seconds, int requests, int errors, double[] latencyMillis) {

        /**
         * Returns the answered requests per second (one sentence each).
         *
         * @return requests/s
         */
        public double requestsPerSecond() {
            return requests / seconds;
        }

        /**
         * Returns a latency percentile (nearest rank).
         *
         * @param p the percentile, in (0, 100]
         * @return the latency in milliseconds, NaN if nothing was answered
         */
        public double percentile(double p) {
            if (latencyMillis.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * latencyMillis.length);
            return latencyMillis[Math.max(0, Math.min(latencyMillis.length, rank) - 1)];
        }
    }

    /**
     * Runs the test.
     *
     * @return the measurements
     * @throws InterruptedException if interrupted while waiting for the clients
     */
    public Result run() throws InterruptedException {
        TranslationClient shared = TranslationClient.of(url);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> client(shared, next, errors, end)));
        }
        List<Double> all = new ArrayList<>();
        try {
            for (Future<List<Double>> f : futures) {
                all.addAll(f.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a load-test client failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Result(clients, seconds, sorted.length, errors.get(), sorted);
    }

    private List<Double> client(
            TranslationClient client, AtomicInteger next, AtomicInteger errors, long end) {
        List<Double> latencies = new ArrayList<>();
        SearchSettings settings = new SearchSettings(beam, 0, 1);
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            String text = sentences.get(next.getAndIncrement() % sentences.size());
            long sent = System.nanoTime();
            try {
                client.translate(new TranslateRequest(List.of(text), settings, false));
                latencies.add((System.nanoTime() - sent) / 1e6);
            } catch (TranslationClient.ErrorStatusException | UncheckedIOException e) {
                errors.incrementAndGet();
            }
        }
        return latencies;
    }
}
