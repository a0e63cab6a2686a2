package dev.seq2seq.serve;

import ai.djl.util.Preconditions;

/**
 * How a {@link TranslationServer} listens, batches and limits requests.
 *
 * @param host the address to listen on ({@value #DEFAULT_HOST}, loopback, by default)
 * @param port the port; 0 picks a free one
 * @param maxBatch the most sentences decoded in one batched search
 * @param windowMillis how long to collect requests after the first, in milliseconds
 * @param queueCapacity how many requests may wait; more get 503
 * @param timeoutMillis how long a request may wait for its translation; longer gets 504
 * @param limits what one request may ask for; more gets 400
 * @param warnTokens warn about inputs longer than this many tokens; 0 means the longest training
 *     source when the model recorded it, else the default length filter
 */
public record ServerSettings(
        String host,
        int port,
        int maxBatch,
        int windowMillis,
        int queueCapacity,
        long timeoutMillis,
        RequestLimits limits,
        int warnTokens) {

    /** The default address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    /** The default time limit per request, in milliseconds. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

    /**
     * Returns a builder.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ServerSettings}; every value is optional. */
    public static final class Builder {

        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int maxBatch = BatchingTranslator.DEFAULT_MAX_BATCH;
        private int windowMillis = BatchingTranslator.DEFAULT_WINDOW_MILLIS;
        private int queueCapacity = BatchingTranslator.DEFAULT_QUEUE_CAPACITY;
        private long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;
        private RequestLimits limits = RequestLimits.defaults();
        private int warnTokens;

        private Builder() {}

        /**
         * Sets the address and port.
         *
         * @param host e.g. {@code 127.0.0.1} (loopback) or {@code 0.0.0.0} (every interface)
         * @param port 0 to 65535; 0 picks a free port
         * @return this builder
         */
        public Builder optAddress(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        /**
         * Sets the batching: window 0 and max batch 1 switch it off.
         *
         * @param maxBatch the most sentences per batched search, ≥ 1
         * @param windowMillis the collection window in milliseconds, ≥ 0
         * @return this builder
         */
        public Builder optBatching(int maxBatch, int windowMillis) {
            this.maxBatch = maxBatch;
            this.windowMillis = windowMillis;
            return this;
        }

        /**
         * Sets how many requests may wait.
         *
         * @param queueCapacity ≥ 1
         * @return this builder
         */
        public Builder optQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Sets the time limit per request.
         *
         * @param timeoutMillis ≥ 1 millisecond
         * @return this builder
         */
        public Builder optTimeoutMillis(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
            return this;
        }

        /**
         * Sets what one request may ask for.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder optLimits(RequestLimits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * Sets the input length above which a translation carries a warning.
         *
         * @param warnTokens tokens, ≥ 0 (0: the training length limit, {@code
         *     decode.SourceLengthLimit})
         * @return this builder
         */
        public Builder optWarnTokens(int warnTokens) {
            this.warnTokens = warnTokens;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the first out-of-range value
         */
        public ServerSettings build() {
            Preconditions.checkArgument(host != null && !host.isBlank(), "host must not be empty");
            Preconditions.checkArgument(
                    port >= 0 && port <= 65535, "port must be 0 to 65535, got " + port);
            Preconditions.checkArgument(maxBatch >= 1, "max batch must be >= 1, got " + maxBatch);
            Preconditions.checkArgument(
                    windowMillis >= 0, "batch window must be >= 0 ms, got " + windowMillis);
            Preconditions.checkArgument(
                    queueCapacity >= 1, "queue must be >= 1, got " + queueCapacity);
            Preconditions.checkArgument(
                    timeoutMillis >= 1, "timeout must be >= 1 ms, got " + timeoutMillis);
            Preconditions.checkArgument(
                    warnTokens >= 0, "warn tokens must be >= 0, got " + warnTokens);
            return new ServerSettings(
                    host,
                    port,
                    maxBatch,
                    windowMillis,
                    queueCapacity,
                    timeoutMillis,
                    limits,
                    warnTokens);
        }
    }
}
