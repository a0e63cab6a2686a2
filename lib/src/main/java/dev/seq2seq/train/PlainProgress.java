package dev.seq2seq.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The plain-line mode of {@link Progress}: a line at 0%, at each 10% mark, at the end, and after
 * {@code intervalNanos} without a line; no carriage returns.
 */
final class PlainProgress {

    private static final int BAR_WIDTH = 10;

    private final String task;
    private final long total;
    private final String unit;
    private final PrintStream out;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private long current;
    private String extra = "";
    private long lastTenth = -1;
    private long lastLineNanos;
    private long lastLineCurrent = -1;

    PlainProgress(
            String task,
            long total,
            String unit,
            PrintStream out,
            long intervalNanos,
            LongSupplier clock) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.out = out;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        update(0);
    }

    void setExtra(String extra) {
        this.extra = extra;
    }

    /** Records progress and prints a line if a 10% mark was crossed or the interval passed. */
    void update(long done) {
        current = done;
        long tenth = total == 0 ? 10 : Math.min(10, current * 10 / total);
        boolean due = clock.getAsLong() - lastLineNanos >= intervalNanos;
        if (tenth > lastTenth || (due && current != lastLineCurrent)) {
            lastTenth = Math.max(lastTenth, tenth);
            print();
        }
    }

    /** Prints the final state unless it is the last line printed. */
    void finish() {
        if (current != lastLineCurrent) {
            print();
        }
    }

    private void print() {
        long now = clock.getAsLong();
        out.println(line(now - startNanos));
        out.flush();
        lastLineNanos = now;
        lastLineCurrent = current;
    }

    /** Renders the line for the current state after {@code elapsedNanos}. */
    String line(long elapsedNanos) {
        long done = total == 0 ? 1 : Math.min(current, total); // of max(total, 1)
        long of = Math.max(total, 1);
        int filled = (int) (done * BAR_WIDTH / of);
        StringBuilder s = new StringBuilder(task).append("  [");
        s.append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ");
        s.append(done * 100 / of).append("%  ");
        s.append(current).append('/').append(total).append(' ').append(unit);
        double seconds = elapsedNanos / 1e9;
        if (done == of) {
            s.append("  took ").append(clockTime(seconds));
        } else if (current == 0) {
            s.append("  eta ?");
        } else {
            s.append("  eta ").append(clockTime(seconds * (total - current) / current));
        }
        if (!extra.isEmpty()) {
            s.append("  ").append(extra);
        }
        return s.toString();
    }

    /** Formats seconds as m:ss, or h:mm:ss from one hour. */
    static String clockTime(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
