package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

import dev.seq2seq.decode.Translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decodes requests that arrive together in one batched search. One worker thread owns the model: it
 * takes the first waiting request, keeps collecting for a short window (or until the batch holds
 * the maximum number of sentences), groups what it collected by {@link SearchSettings}, and calls
 * the {@link BatchDecoder} once per group. Requests wait in a bounded queue; when it is full,
 * {@link #submit} throws {@link QueueFullException}.
 *
 * <p>Batching is off with a window of 0 and a maximum batch of 1: each request is then decoded on
 * its own (with a window of 0 alone, requests already waiting are still decoded together).
 *
 * <pre>{@code
 * try (BatchingTranslator batching = BatchingTranslator.builder()
 *         .setDecoder(BatchDecoder.of(trained, 64)).build()) {
 *     List<List<Translation>> out = batching.submit(texts, SearchSettings.GREEDY).get();
 * }
 * }</pre>
 */
public final class BatchingTranslator implements AutoCloseable {

    /** The default collection window, in milliseconds. */
    public static final int DEFAULT_WINDOW_MILLIS = 5;

    /** The default maximum batch, in sentences. */
    public static final int DEFAULT_MAX_BATCH = 64;

    /** The default queue capacity, in requests. */
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    private final BatchDecoder decoder;
    private final long windowNanos;
    private final int maxBatch;
    private final int capacity;
    private final BlockingQueue<Pending> queue;
    private final Thread worker;
    private final AtomicLong decodeCalls = new AtomicLong();
    private final AtomicLong sentences = new AtomicLong();
    private volatile boolean closing;
    private Pending carried; // worker thread only: taken from the queue, kept for the next batch

    /** A request waiting for its translations. */
    private record Pending(
            List<String> sentences,
            SearchSettings settings,
            CompletableFuture<List<List<Translation>>> result) {}

    private BatchingTranslator(Builder builder) {
        this.decoder = builder.decoder;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(builder.windowMillis);
        this.maxBatch = builder.maxBatch;
        this.capacity = builder.queueCapacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::work, "seq2seq-batching");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Returns a builder.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Queues sentences for translation.
     *
     * @param texts the source sentences of one request
     * @param settings their search settings
     * @return the translations, for each sentence in input order its hypotheses best first; it
     *     completes exceptionally with the decoder's exception if decoding fails. Cancelling it
     *     before its batch starts skips its decoding.
     * @throws QueueFullException if the queue is full
     * @throws IllegalStateException if the translator is closed
     */
    public CompletableFuture<List<List<Translation>>> submit(
            List<String> texts, SearchSettings settings) {
        if (closing) {
            throw new IllegalStateException("the translator is closed");
        }
        Pending pending = new Pending(List.copyOf(texts), settings, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new QueueFullException(capacity);
        }
        return pending.result();
    }

    /**
     * Returns the number of decoder calls so far: each is one batched search when it holds at most
     * the maximum batch.
     *
     * @return the count
     */
    public long decodeCalls() {
        return decodeCalls.get();
    }

    /**
     * Returns the number of sentences decoded so far.
     *
     * @return the count
     */
    public long sentencesDecoded() {
        return sentences.get();
    }

    /**
     * Returns the number of requests waiting in the queue.
     *
     * @return the count, at most the capacity
     */
    public int waiting() {
        return queue.size();
    }

    /**
     * Stops accepting requests, decodes those already queued, and stops the worker. Waits for the
     * worker to finish.
     */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending late;
        while ((late = queue.poll()) != null) { // submitted while closing
            late.result().completeExceptionally(new IllegalStateException("closed"));
        }
    }

    private void work() {
        while (true) {
            Pending first;
            try {
                first = carried != null ? carried : queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            carried = null;
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            List<Pending> batch;
            try {
                batch = collect(first);
            } catch (InterruptedException e) {
                return;
            }
            decode(batch);
        }
    }

    private List<Pending> collect(Pending first) throws InterruptedException {
        List<Pending> batch = new ArrayList<>(List.of(first));
        int count = first.sentences().size();
        long deadline = System.nanoTime() + windowNanos;
        while (count < maxBatch) {
            Pending next = queue.poll();
            if (next == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || closing) {
                    break;
                }
                next = queue.poll(wait, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
            }
            if (count + next.sentences().size() > maxBatch) {
                carried = next;
                break;
            }
            batch.add(next);
            count += next.sentences().size();
        }
        return batch;
    }

    private void decode(List<Pending> batch) {
        Map<SearchSettings, List<Pending>> groups = new LinkedHashMap<>();
        for (Pending p : batch) {
            if (!p.result().isDone()) { // cancelled requests are skipped
                groups.computeIfAbsent(p.settings(), s -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<SearchSettings, List<Pending>> group : groups.entrySet()) {
            List<String> texts = new ArrayList<>();
            for (Pending p : group.getValue()) {
                texts.addAll(p.sentences());
            }
            try {
                decodeCalls.incrementAndGet();
                List<List<Translation>> out = decoder.decode(texts, group.getKey());
                sentences.addAndGet(texts.size());
                int start = 0;
                for (Pending p : group.getValue()) {
                    int end = start + p.sentences().size();
                    p.result().complete(List.copyOf(out.subList(start, end)));
                    start = end;
                }
            } catch (RuntimeException | Error e) {
                for (Pending p : group.getValue()) {
                    p.result().completeExceptionally(e);
                }
            }
        }
    }

    /** Builds a {@link BatchingTranslator}; {@code setX} for required values, {@code optX} else. */
    public static final class Builder {

        private BatchDecoder decoder;
        private int windowMillis = DEFAULT_WINDOW_MILLIS;
        private int maxBatch = DEFAULT_MAX_BATCH;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;

        private Builder() {}

        /**
         * Sets what decodes a batch (required).
         *
         * @param decoder e.g. {@link BatchDecoder#of}
         * @return this builder
         */
        public Builder setDecoder(BatchDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Sets how long the worker waits for more requests after the first one (default {@value
         * #DEFAULT_WINDOW_MILLIS}).
         *
         * @param windowMillis the window in milliseconds, ≥ 0
         * @return this builder
         */
        public Builder optWindowMillis(int windowMillis) {
            this.windowMillis = windowMillis;
            return this;
        }

        /**
         * Sets the most sentences collected into one batch (default {@value #DEFAULT_MAX_BATCH}). A
         * single request with more sentences is still decoded, on its own.
         *
         * @param maxBatch the maximum, ≥ 1
         * @return this builder
         */
        public Builder optMaxBatch(int maxBatch) {
            this.maxBatch = maxBatch;
            return this;
        }

        /**
         * Sets how many requests may wait (default {@value #DEFAULT_QUEUE_CAPACITY}).
         *
         * @param queueCapacity the capacity, ≥ 1
         * @return this builder
         */
        public Builder optQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Builds the translator and starts its worker thread.
         *
         * @return the translator
         * @throws IllegalArgumentException naming the first missing or out-of-range value
         */
        public BatchingTranslator build() {
            Preconditions.checkArgument(decoder != null, "decoder is required: call setDecoder");
            Preconditions.checkArgument(
                    windowMillis >= 0, "window must be >= 0 ms, got " + windowMillis);
            Preconditions.checkArgument(maxBatch >= 1, "max batch must be >= 1, got " + maxBatch);
            Preconditions.checkArgument(
                    queueCapacity >= 1, "queue capacity must be >= 1, got " + queueCapacity);
            return new BatchingTranslator(this);
        }
    }
}
