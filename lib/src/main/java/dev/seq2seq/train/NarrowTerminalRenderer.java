package dev.seq2seq.train;

import me.tongfei.progressbar.DefaultProgressBarRenderer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The terminal bar of {@link Progress}: me.tongfei.progressbar's own on a terminal at least 80
 * columns wide, and on a narrower one a line without the bar and the elapsed time, so that the
 * count, the time to go and the extra message (a training epoch's tokens/s and loss) stay visible:
 * {@code epoch 3 52% 412/790 eta 0:41 6,557 tok/s, loss 3.120}, cut at the terminal's width. The
 * library's own renderer keeps the bar and cuts the end of the line instead, which on 40 columns
 * loses the time to go.
 */
final class NarrowTerminalRenderer extends DefaultProgressBarRenderer {

    /**
     * The rendered length from which the library's own line, bar included, fits with a short
     * message: an 80-column terminal, less the one column the library keeps free on the right.
     */
    static final int FULL_LENGTH = 79;

    NarrowTerminalRenderer(String unit) {
        super(
                ProgressBarStyle.ASCII,
                unit,
                1,
                false,
                new DecimalFormat("#.#"),
                ChronoUnit.SECONDS,
                true,
                NarrowTerminalRenderer::linearEta);
    }

    /**
     * Renders the line for a terminal of {@code maxLength} columns.
     *
     * @param state the progress
     * @param maxLength the longest line the terminal shows on one row
     * @return the line, at most {@code maxLength} characters
     */
    @Override
    public String render(ProgressState state, int maxLength) {
        if (maxLength >= FULL_LENGTH) {
            return super.render(state, maxLength);
        }
        String line = compact(state);
        return line.length() <= maxLength ? line : line.substring(0, Math.max(0, maxLength));
    }

    /** The narrow line, whole: task, percentage, count (without its unit), time to go, message. */
    String compact(ProgressState state) {
        StringBuilder s = new StringBuilder(state.getTaskName());
        s.append(' ').append(percentage(state).strip());
        s.append(' ').append(state.getCurrent()).append('/').append(state.getMax()); // no unit
        Optional<Duration> eta = linearEta(state);
        s.append(" eta ").append(eta.map(d -> Progress.clockTime(d.toMillis() / 1e3)).orElse("?"));
        String extra = state.getExtraMessage();
        if (extra != null && !extra.isEmpty()) {
            s.append(' ').append(extra);
        }
        return s.toString();
    }

    /** The time to go at the average pace so far; empty before the first unit. */
    private static Optional<Duration> linearEta(ProgressState state) {
        long done = state.getCurrent() - state.getStart();
        if (done <= 0 || state.getMax() <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, state.getMax() - state.getCurrent());
        return Optional.of(state.getElapsedAfterStart().multipliedBy(left).dividedBy(done));
    }
}
