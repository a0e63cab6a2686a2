package dev.seq2seq.train;

import dev.seq2seq.nn.ForwardClock;
import dev.seq2seq.nn.ModelFlops;
import dev.seq2seq.train.TrainingStep.Phase;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where training stands against the engine's ceiling: the analytic FLOPs of the measured steps per
 * block ({@code nn.FlopCount}), the time of each phase of a step ({@link TrainingStep}), and the
 * matrix-multiply rates measured in the same JVM ({@link MatMulRate}): the peak of a large square
 * product and the rates of the model's own shapes; optionally the time of each part of the forward
 * phase ({@link ForwardClock}). {@link #format()} prints it all as a text table, for the {@code
 * benchmark} command and for notebooks.
 *
 * <p>The achieved rate is the counted FLOPs (matrix products only) divided by the time of whole
 * steps, element-wise work and the optimizer included; its ratio to the peak says how much of the
 * machine the training step uses for arithmetic.
 *
 * @param flops the FLOPs of the measured steps, one batch per step
 * @param phaseSeconds the seconds spent in each phase over those steps, every phase present
 * @param peak the rate of the square product taken as the engine's peak
 * @param products the rates of the model's own products (may be empty)
 * @param forwardSeconds the seconds spent in each part of the forward phase over those steps, every
 *     part present, or empty when not measured
 */
public record Roofline(
        ModelFlops flops,
        Map<Phase, Double> phaseSeconds,
        MatMulRate peak,
        List<MatMulRate> products,
        Map<ForwardClock.Part, Double> forwardSeconds) {

    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException if no step was counted, a phase is missing or has negative
     *     time, the steps took no time, or a part of the forward phase is missing or has negative
     *     time
     */
    public Roofline {
        if (flops == null || flops.batches() == 0) {
            throw new IllegalArgumentException("a roofline needs the FLOPs of at least one step");
        }
        EnumMap<Phase, Double> copy = new EnumMap<>(Phase.class);
        double total = 0;
        for (Phase phase : Phase.values()) {
            Double seconds = phaseSeconds.get(phase);
            if (seconds == null || !(seconds >= 0)) {
                throw new IllegalArgumentException(
                        "phase " + phase + " needs a time >= 0 s, got " + seconds);
            }
            copy.put(phase, seconds);
            total += seconds;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the measured steps took no time");
        }
        if (peak == null) {
            throw new IllegalArgumentException("a roofline needs a peak rate");
        }
        phaseSeconds = Collections.unmodifiableMap(copy);
        products = List.copyOf(products);
        EnumMap<ForwardClock.Part, Double> parts = new EnumMap<>(ForwardClock.Part.class);
        if (!forwardSeconds.isEmpty()) {
            for (ForwardClock.Part part : ForwardClock.Part.values()) {
                Double seconds = forwardSeconds.get(part);
                if (seconds == null || !(seconds >= 0)) {
                    throw new IllegalArgumentException(
                            "forward part " + part + " needs a time >= 0 s, got " + seconds);
                }
                parts.put(part, seconds);
            }
        }
        forwardSeconds = Collections.unmodifiableMap(parts);
    }

    /**
     * A roofline without the split of the forward phase.
     *
     * @param flops the FLOPs of the measured steps, one batch per step
     * @param phaseSeconds the seconds spent in each phase over those steps, every phase present
     * @param peak the rate of the square product taken as the engine's peak
     * @param products the rates of the model's own products (may be empty)
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Roofline(
            ModelFlops flops,
            Map<Phase, Double> phaseSeconds,
            MatMulRate peak,
            List<MatMulRate> products) {
        this(flops, phaseSeconds, peak, products, Map.of());
    }

    /**
     * Returns the number of measured steps.
     *
     * @return one per counted batch
     */
    public long steps() {
        return flops.batches();
    }

    /**
     * Returns the time of all phases of all measured steps.
     *
     * @return seconds
     */
    public double stepSeconds() {
        return phaseSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Returns the counted FLOPs of a phase: the forward and backward FLOPs; none are counted for
     * clipping and the update, which are element-wise.
     *
     * @param phase the phase
     * @return FLOPs over all measured steps
     */
    public long phaseFlops(Phase phase) {
        return switch (phase) {
            case FORWARD -> flops.forward();
            case BACKWARD -> flops.backward();
            case CLIP, UPDATE -> 0;
        };
    }

    /**
     * Returns the rate achieved in a phase.
     *
     * @param phase the phase
     * @return GFLOP/s; 0 for clipping and the update; NaN if the phase took no time
     */
    public double phaseGflops(Phase phase) {
        double seconds = phaseSeconds.get(phase);
        return seconds > 0 ? phaseFlops(phase) / seconds / 1e9 : Double.NaN;
    }

    /**
     * Returns the rate achieved over whole steps: all counted FLOPs over the time of all phases.
     *
     * @return GFLOP/s
     */
    public double achievedGflops() {
        return flops.total() / stepSeconds() / 1e9;
    }

    /**
     * Returns the achieved rate over the peak.
     *
     * @return {@link #achievedGflops()} / {@code peak.gflops()}, typically well below 1
     */
    public double ratio() {
        return achievedGflops() / peak.gflops();
    }

    /**
     * Formats the roofline as text tables: FLOPs per target token per block, time and rate per
     * phase (and per part of the forward phase, when measured), matrix-multiply rates, and the
     * achieved / peak ratio.
     *
     * @return several lines, each ending with a newline
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "FLOPs per target token (analytic: matrix products at 2mkn, backward 2x,"
                                + " embedding backward as adds; element-wise ops not counted)%n"));
        out.append(
                String.format(
                        Locale.ROOT,
                        "  %,d steps: %,d target tokens in %,d padded positions (%.1f%%), %,d source"
                                + " tokens in %,d (%.1f%%)%n",
                        steps(),
                        flops.targetTokens(),
                        flops.targetPositions(),
                        100.0 * flops.targetTokens() / flops.targetPositions(),
                        flops.sourceTokens(),
                        flops.sourcePositions(),
                        100.0 * flops.sourceTokens() / flops.sourcePositions()));
        String row = "  %-22s %14s %14s %14s %7s%n";
        out.append(
                String.format(
                        Locale.ROOT,
                        row,
                        "block",
                        "fwd MFLOP/tok",
                        "bwd MFLOP/tok",
                        "MFLOP/tok",
                        "share"));
        for (ModelFlops.BlockFlops block : flops.blocks()) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            row,
                            block.block().label(),
                            mflops(block.forward()),
                            mflops(block.backward()),
                            mflops(block.total()),
                            String.format(
                                    Locale.ROOT, "%.1f%%", 100 * flops.share(block.block()))));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        row,
                        "total",
                        mflops(flops.forward()),
                        mflops(flops.backward()),
                        mflops(flops.total()),
                        "100.0%"));
        out.append(timePerStep());
        String phaseRow = "  %-10s %10s %12s %10s %9s%n";
        out.append(
                String.format(
                        Locale.ROOT,
                        phaseRow,
                        "phase",
                        "ms/step",
                        "GFLOP/step",
                        "GFLOP/s",
                        "of peak"));
        for (Phase phase : Phase.values()) {
            appendPhase(out, phaseRow, name(phase), phaseSeconds.get(phase), phaseFlops(phase));
        }
        appendPhase(out, phaseRow, "step", stepSeconds(), flops.total());
        out.append(forwardParts());
        out.append(
                String.format(
                        Locale.ROOT, "matrix multiply in this JVM (float32, NDArray.matMul):%n"));
        String rateRow = "  %-46s %-28s %9s %8s%n";
        out.append(String.format(Locale.ROOT, rateRow, "product", "shape", "GFLOP/s", "of peak"));
        appendRate(out, rateRow, peak, " (peak)");
        for (MatMulRate rate : products) {
            appendRate(out, rateRow, rate, "");
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "achieved / peak: %.3f (%.1f GFLOP/s over whole steps, peak %.1f GFLOP/s)%n",
                        ratio(),
                        achievedGflops(),
                        peak.gflops()));
        return out.toString();
    }

    /**
     * Returns the line of the time per step and share of each phase.
     *
     * @return e.g. {@code "time per step: forward 12.3 ms (40%) backward ..."} and a newline
     */
    public String timePerStep() {
        StringBuilder line = new StringBuilder("time per step:");
        double total = stepSeconds();
        for (Phase phase : Phase.values()) {
            double seconds = phaseSeconds.get(phase);
            line.append(
                    String.format(
                            Locale.ROOT,
                            "  %s %.1f ms (%.0f%%)",
                            name(phase),
                            1000 * seconds / steps(),
                            100 * seconds / total));
        }
        return line.append(System.lineSeparator()).toString();
    }

    /**
     * Returns the rate of the output projection within the forward phase: its counted forward FLOPs
     * over the time of {@link ForwardClock.Part#OUTPUT_PROJECTION} (which includes the features'
     * dropout).
     *
     * @return GFLOP/s, or NaN if the forward phase was not split or the part took no time
     */
    public double outputProjectionGflops() {
        Double seconds = forwardSeconds.get(ForwardClock.Part.OUTPUT_PROJECTION);
        if (seconds == null || !(seconds > 0)) {
            return Double.NaN;
        }
        return flops.block(ModelFlops.Block.OUTPUT_PROJECTION).forward() / seconds / 1e9;
    }

    /**
     * Formats the split of the forward phase: each part's time per step and share of the forward
     * time, and the output projection's rate (the only part whose counted FLOPs are its own: the
     * encoder's part also projects the attention keys, counted under attention).
     *
     * @return a header and one line per part, or an empty string if the forward was not split
     */
    public String forwardParts() {
        if (forwardSeconds.isEmpty()) {
            return "";
        }
        double total = forwardSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        String row = "    %-20s %8s %7s %10s %9s%n";
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        row,
                        "within the forward",
                        "ms/step",
                        "share",
                        "GFLOP/s",
                        "of peak"));
        for (ForwardClock.Part part : ForwardClock.Part.values()) {
            double seconds = forwardSeconds.get(part);
            boolean projection = part == ForwardClock.Part.OUTPUT_PROJECTION;
            double gflops = projection ? outputProjectionGflops() : Double.NaN;
            out.append(
                    String.format(
                            Locale.ROOT,
                            row,
                            part.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            String.format(Locale.ROOT, "%.2f", 1000 * seconds / steps()),
                            total > 0
                                    ? String.format(Locale.ROOT, "%.0f%%", 100 * seconds / total)
                                    : "-",
                            projection ? String.format(Locale.ROOT, "%.1f", gflops) : "-",
                            projection
                                    ? String.format(
                                            Locale.ROOT, "%.1f%%", 100 * gflops / peak.gflops())
                                    : "-"));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private void appendPhase(
            StringBuilder out, String phaseRow, String name, double seconds, long phaseFlops) {
        double gflops = seconds > 0 ? phaseFlops / seconds / 1e9 : Double.NaN;
        out.append(
                String.format(
                        Locale.ROOT,
                        phaseRow,
                        name,
                        String.format(Locale.ROOT, "%.2f", 1000 * seconds / steps()),
                        String.format(Locale.ROOT, "%.3f", phaseFlops / 1e9 / steps()),
                        phaseFlops == 0 ? "-" : String.format(Locale.ROOT, "%.1f", gflops),
                        phaseFlops == 0
                                ? "-"
                                : String.format(
                                        Locale.ROOT, "%.1f%%", 100 * gflops / peak.gflops())));
    }

    private void appendRate(StringBuilder out, String rateRow, MatMulRate rate, String suffix) {
        out.append(
                String.format(
                        Locale.ROOT,
                        rateRow,
                        rate.product().name() + suffix,
                        rate.product().shape(),
                        String.format(Locale.ROOT, "%.1f", rate.gflops()),
                        String.format(Locale.ROOT, "%.0f%%", 100 * rate.gflops() / peak.gflops())));
    }

    private String mflops(long total) {
        return String.format(Locale.ROOT, "%.3f", flops.perTargetToken(total) / 1e6);
    }

    private static String name(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }
}
