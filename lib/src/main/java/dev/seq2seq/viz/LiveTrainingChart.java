package dev.seq2seq.viz;

import dev.seq2seq.train.EpochRecord;
import dev.seq2seq.train.Progress;
import dev.seq2seq.train.TrainingHistory;
import dev.seq2seq.train.TrainingListener;
import dev.seq2seq.train.TrainingProgress;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A chart of a training run that redraws itself in one notebook output while the run goes: the
 * training loss (the mean of every {@value #WINDOW} updates) and the validation loss after each
 * epoch against the update, titled with the epoch, the update count, target tokens per second and
 * the time to go. Each run it hears gets a display of its own, shown with the kernel's {@code
 * display} and redrawn with its {@code updateDisplay}, every {@code redrawSeconds} and after each
 * epoch; the last drawing, the one a saved notebook keeps, is the finished run.
 *
 * <pre>{@code
 * LiveTrainingChart live = LiveTrainingChart.shownWith(image -> display(image),
 *         (id, image) -> updateDisplay(id, image));   // rapaio, IJava and JJava all have both
 * TrainedModels.loadOrTrain(folder, data, config, training, manager, System.out, live);
 * }</pre>
 *
 * <p>If the run is loaded from its folder instead of trained, the chart shows the recorded run
 * once: training and validation loss per epoch, titled with the date it was trained (nothing for a
 * run of one epoch, which one point per curve would not show; the loaded line says it).
 *
 * <p>If the kernel's {@code display} throws or returns no display id, the chart stops drawing and
 * the trainer's one line per epoch remains.
 */
public final class LiveTrainingChart implements TrainingListener {

    /** Updates averaged into one point of the training-loss curve. */
    static final int WINDOW = 25;

    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;

    private final Function<BufferedImage, String> show;
    private final BiConsumer<String, BufferedImage> update;
    private final long redrawNanos;
    private final LongSupplier clock;

    // the run being drawn
    private final List<double[]> train = new ArrayList<>(); // (update, mean loss)
    private final List<double[]> valid = new ArrayList<>(); // (update, loss)
    private double windowLoss;
    private long windowTokens;
    private int windowUpdates;
    private boolean byEpoch; // a loaded run: one point per epoch
    private String displayId;
    private boolean failed;
    private long lastDraw;
    private XYChart last;

    private LiveTrainingChart(
            Function<BufferedImage, String> show,
            BiConsumer<String, BufferedImage> update,
            double redrawSeconds,
            LongSupplier clock) {
        this.show = show;
        this.update = update;
        this.redrawNanos = (long) (redrawSeconds * 1e9);
        this.clock = clock;
    }

    /**
     * A chart shown with the kernel's display functions, redrawn at most every 5 seconds.
     *
     * @param show shows an image and returns its display id, e.g. {@code image -> display(image)}
     * @param update replaces the image of a display id, e.g. {@code (id, image) ->
     *     updateDisplay(id, image)}
     * @return the listener, to pass to the trainer; it can hear several runs one after the other
     */
    public static LiveTrainingChart shownWith(
            Function<BufferedImage, String> show, BiConsumer<String, BufferedImage> update) {
        return new LiveTrainingChart(show, update, 5, System::nanoTime);
    }

    /** For tests: any redraw interval and clock. */
    static LiveTrainingChart shownWith(
            Function<BufferedImage, String> show,
            BiConsumer<String, BufferedImage> update,
            double redrawSeconds,
            LongSupplier clock) {
        return new LiveTrainingChart(show, update, redrawSeconds, clock);
    }

    @Override
    public void trainingStarted(TrainingProgress progress) {
        startRun(false);
    }

    private void startRun(boolean epochs) {
        train.clear();
        valid.clear();
        windowLoss = 0;
        windowTokens = 0;
        windowUpdates = 0;
        byEpoch = epochs;
        displayId = null;
        failed = false;
        last = null;
        lastDraw = clock.getAsLong();
    }

    @Override
    public void batchEnded(TrainingProgress progress) {
        if (progress.batchTokens() > 0 && Double.isFinite(progress.batchLoss())) {
            windowLoss += progress.batchLoss() * progress.batchTokens();
            windowTokens += progress.batchTokens();
        }
        if (++windowUpdates == WINDOW) {
            closeWindow(progress.step());
        }
        if (clock.getAsLong() - lastDraw >= redrawNanos) {
            draw(progressTitle(progress));
        }
    }

    @Override
    public void epochEnded(EpochRecord record, TrainingProgress progress) {
        closeWindow(progress.step());
        valid.add(new double[] {progress.step(), record.validLoss()});
        draw(progressTitle(progress));
    }

    @Override
    public void trainingEnded(TrainingHistory history, TrainingProgress progress) {
        closeWindow(progress.step());
        draw(
                String.format(
                        Locale.ROOT,
                        "Trained: %s, %,d updates in %s%s",
                        epochs(history),
                        progress.step(),
                        Progress.clockTime(progress.elapsedSeconds()),
                        best(history)));
    }

    @Override
    public void runLoaded(TrainingHistory history, double minutes, String trainedOn) {
        if (history.records().size() < 2) {
            return;
        }
        startRun(true);
        for (EpochRecord r : history.records()) {
            if (Double.isFinite(r.trainLoss())) {
                train.add(new double[] {r.epoch(), r.trainLoss()});
            }
            if (Double.isFinite(r.validLoss())) {
                valid.add(new double[] {r.epoch(), r.validLoss()});
            }
        }
        draw(
                String.format(
                        Locale.ROOT,
                        "Loaded, trained %s: %s in %s%s",
                        trainedOn,
                        epochs(history),
                        Progress.clockTime(minutes * 60),
                        history.bestByValidLoss()
                                .map(
                                        r ->
                                                String.format(
                                                        Locale.ROOT,
                                                        ", best validation loss %.3f",
                                                        r.validLoss()))
                                .orElse("")));
    }

    private static String epochs(TrainingHistory history) {
        int n = history.records().size();
        return n == 1 ? "1 epoch" : n + " epochs";
    }

    private static String best(TrainingHistory history) {
        return history.bestByValidLoss()
                .map(
                        r ->
                                String.format(
                                        Locale.ROOT,
                                        ", best validation loss %.3f (epoch %d)",
                                        r.validLoss(),
                                        r.epoch()))
                .orElse("");
    }

    /** The chart last drawn, or null if none was. */
    XYChart lastChart() {
        return last;
    }

    private void closeWindow(long step) {
        if (windowTokens > 0) {
            train.add(new double[] {step, windowLoss / windowTokens});
        }
        windowLoss = 0;
        windowTokens = 0;
        windowUpdates = 0;
    }

    private void draw(String title) {
        if (failed || (train.isEmpty() && valid.isEmpty())) {
            return;
        }
        lastDraw = clock.getAsLong();
        last = chart(title);
        BufferedImage image = Charts.toImage(last);
        try {
            if (displayId == null) {
                displayId = show.apply(image);
                failed = displayId == null; // a kernel without display ids: lines only
            } else {
                update.accept(displayId, image);
            }
        } catch (RuntimeException e) {
            failed = true; // the kernel cannot display: the epoch lines remain
        }
    }

    private XYChart chart(String title) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(byEpoch ? "epoch" : "update (batch)")
                        .yAxisTitle("loss (nats per target token)")
                        .build();
        Charts.distinctSeriesColors(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        if (!train.isEmpty()) {
            chart.addSeries(
                            byEpoch
                                    ? "training, mean over each epoch"
                                    : "training, mean of " + WINDOW + " updates",
                            column(train, 0),
                            column(train, 1))
                    .setMarker(byEpoch ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        if (!valid.isEmpty()) {
            chart.addSeries("validation, after each epoch", column(valid, 0), column(valid, 1))
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static double[] column(List<double[]> points, int k) {
        return points.stream().mapToDouble(p -> p[k]).toArray();
    }

    /** "epoch 2 of 5 · update 1,234 of 5,245 · 3,512 tokens/s · 6:41 to go". */
    static String progressTitle(TrainingProgress p) {
        StringBuilder s = new StringBuilder();
        if (p.timeLimited()) {
            s.append(String.format(Locale.ROOT, "epoch %d · update %,d", p.epoch(), p.step()));
        } else {
            s.append(
                    String.format(
                            Locale.ROOT,
                            "epoch %d of %d · update %,d of %,d",
                            p.epoch(),
                            p.lastEpoch(),
                            p.step(),
                            p.plannedSteps()));
        }
        if (p.tokensPerSecond() > 0) {
            s.append(String.format(Locale.ROOT, " · %,.0f tokens/s", p.tokensPerSecond()));
        }
        if (Double.isFinite(p.secondsToGo())) {
            s.append(" · ").append(Progress.clockTime(p.secondsToGo())).append(" to go");
            if (p.timeLimited()) {
                s.append(" (time limit)");
            }
        }
        return s.toString();
    }
}
