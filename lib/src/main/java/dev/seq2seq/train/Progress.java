package dev.seq2seq.train;

import ai.djl.util.Preconditions;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A progress bar with an ETA for a loop over batches, that also reads well in a notebook or a log.
 *
 * <pre>{@code
 * try (Progress p = Progress.builder().setTask("epoch 3").setTotal(790).optUnit("batches").build()) {
 *     for (Batch batch : batches) {
 *         ...
 *         p.setExtraMessage(String.format("loss %.2f", loss));
 *         p.step();
 *     }
 * }
 * }</pre>
 *
 * <p>In an interactive terminal it draws me.tongfei.progressbar's animated bar, redrawn in place
 * with carriage returns; on a terminal narrower than 80 columns, a line without the bar that keeps
 * the count, the time to go and the message ({@link NarrowTerminalRenderer}). Without one ({@code
 * System.console() == null}: a Jupyter kernel, a CI log, output piped to a file), carriage returns
 * would pile up as thousands of lines or one endless line, so it prints plain lines instead: at 0%,
 * each time progress crosses a multiple of 10%, at 100%, and, for slow loops, when no line has been
 * printed for {@link Builder#optIntervalSeconds(double) intervalSeconds}; that is 11 lines for a
 * fast loop:
 *
 * <pre>
 * epoch 3  [#####     ] 52%  412/790 batches  eta 0:41  loss 3.12
 * </pre>
 *
 * <p>Not thread-safe: step it from the loop's thread.
 */
public final class Progress implements AutoCloseable {

    private final String task;
    private final ProgressBar bar; // null in plain mode
    private final PlainProgress plain; // null in interactive mode, or plain mode without lines
    private long current;
    private boolean closed;

    private Progress(Builder builder, boolean interactive) {
        this.task = builder.task;
        if (interactive) {
            this.plain = null;
            this.bar =
                    new ProgressBarBuilder()
                            .setTaskName(task)
                            .setInitialMax(builder.total)
                            .setUnit(" " + builder.unit, 1)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setRenderer(new NarrowTerminalRenderer(" " + builder.unit))
                            .setConsumer(new ConsoleProgressBarConsumer(builder.out))
                            .build();
        } else if (!builder.plainLines) {
            this.bar = null;
            this.plain = null;
        } else {
            this.bar = null;
            this.plain =
                    new PlainProgress(
                            task,
                            builder.total,
                            builder.unit,
                            builder.out,
                            (long) (builder.intervalSeconds * 1e9),
                            builder.clock);
        }
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Advances by one unit. */
    public void step() {
        stepBy(1);
    }

    /**
     * Advances by {@code n} units.
     *
     * @param n the number of units done, &ge; 0
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalStateException if the progress is closed
     */
    public void stepBy(long n) {
        Preconditions.checkArgument(n >= 0, "n must be >= 0, got " + n);
        if (closed) {
            throw new IllegalStateException("progress '" + task + "' is closed");
        }
        current += n;
        if (bar != null) {
            bar.stepBy(n);
        } else if (plain != null) {
            plain.update(current);
        }
    }

    /**
     * Sets the text shown after the counts, e.g. {@code "loss 3.12"}; shown from the next line or
     * redraw on.
     *
     * @param message the text, or {@code null} for none
     */
    public void setExtraMessage(String message) {
        String extra = message == null ? "" : message;
        if (bar != null) {
            bar.setExtraMessage(extra);
        } else if (plain != null) {
            plain.setExtra(extra);
        }
    }

    /**
     * Returns the units done so far.
     *
     * @return the count
     */
    public long current() {
        return current;
    }

    /**
     * Finishes the bar: in plain mode, prints the final state unless it is already printed. Calling
     * it again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            bar.close();
        } else if (plain != null) {
            plain.finish();
        }
    }

    /**
     * Formats a duration as a clock time, as the progress lines do.
     *
     * @param seconds the duration in seconds
     * @return m:ss, or h:mm:ss from one hour, e.g. {@code 6:41}
     */
    public static String clockTime(double seconds) {
        return PlainProgress.clockTime(seconds);
    }

    /**
     * Returns whether standard output is an interactive terminal: {@code System.console() != null},
     * and on Java 22+, where a console exists even when output is redirected, also {@code
     * Console.isTerminal()}.
     */
    static boolean hasTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22, a console is a terminal
        }
    }

    /** Builds a {@link Progress}. */
    public static final class Builder {
        private String task;
        private long total = -1;
        private String unit = "steps";
        private PrintStream out = System.out;
        private Boolean interactive;
        private double intervalSeconds = 60;
        private boolean plainLines = true;
        private LongSupplier clock = System::nanoTime;

        private Builder() {}

        /**
         * Sets the name shown before the bar, e.g. {@code "epoch 3"} (required).
         *
         * @param task the name
         * @return this builder
         */
        public Builder setTask(String task) {
            this.task = task;
            return this;
        }

        /**
         * Sets the number of units of the whole loop, e.g. the number of batches (required).
         *
         * @param total the total, &ge; 0
         * @return this builder
         */
        public Builder setTotal(long total) {
            this.total = total;
            return this;
        }

        /**
         * Sets the name of a unit (default "steps").
         *
         * @param unit e.g. {@code "batches"}
         * @return this builder
         */
        public Builder optUnit(String unit) {
            this.unit = unit;
            return this;
        }

        /**
         * Sets where to write (default {@code System.out}, which notebook kernels show as output).
         *
         * @param out the stream
         * @return this builder
         */
        public Builder optOutput(PrintStream out) {
            this.out = out;
            return this;
        }

        /**
         * Forces the animated bar (true) or plain lines (false); by default, the animated bar when
         * there is an interactive terminal ({@code System.console() != null}).
         *
         * @param interactive whether to animate
         * @return this builder
         */
        public Builder optInteractive(boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        /**
         * Sets whether plain mode prints its lines (default true). False leaves the loop silent
         * without a terminal, for a caller that prints its own line when the loop ends, as the
         * trainer does after each epoch: a notebook then shows one line per epoch, not eleven.
         *
         * @param lines whether to print plain lines
         * @return this builder
         */
        public Builder optPlainLines(boolean lines) {
            this.plainLines = lines;
            return this;
        }

        /**
         * Sets, for plain mode, after how many seconds without a line a step prints one even if no
         * 10% mark was crossed (default 60).
         *
         * @param seconds the interval, &gt; 0
         * @return this builder
         */
        public Builder optIntervalSeconds(double seconds) {
            this.intervalSeconds = seconds;
            return this;
        }

        /** Sets the nanosecond clock, for tests. */
        Builder optClock(LongSupplier clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the progress bar and, in plain mode, prints its 0% line.
         *
         * @return the progress bar, to close when the loop ends
         * @throws IllegalArgumentException if the task, total, unit, output or interval is missing
         *     or invalid
         */
        public Progress build() {
            Preconditions.checkArgument(task != null, "Progress needs setTask(name)");
            Preconditions.checkArgument(
                    total >= 0, "Progress needs setTotal(n) with n >= 0, got " + total);
            Preconditions.checkArgument(
                    unit != null && out != null, "unit and output must not be null");
            if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
                throw new IllegalArgumentException(
                        "intervalSeconds must be finite and > 0, got " + intervalSeconds);
            }
            boolean animate = interactive != null ? interactive : hasTerminal();
            return new Progress(this, animate);
        }
    }
}
