package dev.seq2seq.perf;

import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.train.TrainingStep.Phase;

import java.util.Locale;

/**
 * The text tables of a {@link Roofline}, as {@code bin/seq2seq benchmark} prints them and a
 * notebook shows them: FLOPs per target token per block, time and rate per phase and per part of
 * the forward phase, matrix-multiply rates, and the achieved / peak ratio. Columns are aligned for
 * a monospaced font; numbers use a dot for decimals and a comma for thousands, whatever the locale.
 */
final class RooflineTable {

    private final Roofline roofline;

    private RooflineTable(Roofline roofline) {
        this.roofline = roofline;
    }

    /**
     * Formats a roofline.
     *
     * @param roofline the roofline
     * @return several lines, each ending with a newline
     */
    static String of(Roofline roofline) {
        RooflineTable table = new RooflineTable(roofline);
        return table.flops() + table.time() + table.rates();
    }

    /**
     * The FLOPs table: per target token per block, forward and backward.
     *
     * @param roofline the roofline
     * @return several lines, each ending with a newline
     */
    static String flops(Roofline roofline) {
        return new RooflineTable(roofline).flops();
    }

    /**
     * The time table: per step and per phase, with the phase's rate, and the forward's parts.
     *
     * @param roofline the roofline
     * @return several lines, each ending with a newline
     */
    static String time(Roofline roofline) {
        return new RooflineTable(roofline).time();
    }

    /**
     * The rates table: the matrix-multiply peak and the model's largest products, then achieved /
     * peak.
     *
     * @param roofline the roofline
     * @return several lines, each ending with a newline
     */
    static String rates(Roofline roofline) {
        return new RooflineTable(roofline).rates();
    }

    private String flops() {
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
                        roofline.steps(),
                        roofline.flops().targetTokens(),
                        roofline.flops().targetPositions(),
                        100.0
                                * roofline.flops().targetTokens()
                                / roofline.flops().targetPositions(),
                        roofline.flops().sourceTokens(),
                        roofline.flops().sourcePositions(),
                        100.0
                                * roofline.flops().sourceTokens()
                                / roofline.flops().sourcePositions()));
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
        for (ModelFlops.BlockFlops block : roofline.flops().blocks()) {
            if (block.total() == 0) {
                continue; // a block this model does not have
            }
            out.append(
                    String.format(
                            Locale.ROOT,
                            row,
                            block.block().label(),
                            mflops(block.forward()),
                            mflops(block.backward()),
                            mflops(block.total()),
                            String.format(
                                    Locale.ROOT,
                                    "%.1f%%",
                                    100 * roofline.flops().share(block.block()))));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        row,
                        "total",
                        mflops(roofline.flops().forward()),
                        mflops(roofline.flops().backward()),
                        mflops(roofline.flops().total()),
                        "100.0%"));
        return out.toString();
    }

    private String time() {
        StringBuilder out = new StringBuilder();
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
            appendPhase(
                    out,
                    phaseRow,
                    name(phase),
                    roofline.phaseSeconds().get(phase),
                    roofline.phaseFlops(phase));
        }
        appendPhase(out, phaseRow, "step", roofline.stepSeconds(), roofline.flops().total());
        out.append(forwardParts());
        return out.toString();
    }

    private String rates() {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT, "matrix multiply in this JVM (float32, NDArray.matMul):%n"));
        String rateRow = "  %-46s %-28s %9s %8s%n";
        out.append(String.format(Locale.ROOT, rateRow, "product", "shape", "GFLOP/s", "of peak"));
        appendRate(out, rateRow, roofline.peak(), " (peak)");
        for (MatMulRate rate : roofline.products()) {
            appendRate(out, rateRow, rate, "");
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "achieved / peak: %.3f (%.1f GFLOP/s over whole steps, peak %.1f GFLOP/s)%n",
                        roofline.ratio(),
                        roofline.achievedGflops(),
                        roofline.peak().gflops()));
        return out.toString();
    }

    /**
     * Returns the line of the time per step and share of each phase.
     *
     * @return e.g. {@code "time per step: forward 12.3 ms (40%) backward ..."} and a newline
     */
    private String timePerStep() {
        StringBuilder line = new StringBuilder("time per step:");
        double total = roofline.stepSeconds();
        for (Phase phase : Phase.values()) {
            double seconds = roofline.phaseSeconds().get(phase);
            line.append(
                    String.format(
                            Locale.ROOT,
                            "  %s %.1f ms (%.0f%%)",
                            name(phase),
                            1000 * seconds / roofline.steps(),
                            100 * seconds / total));
        }
        return line.append(System.lineSeparator()).toString();
    }

    /**
     * Formats the split of the forward phase: each part's time per step and share of the forward
     * time, and the output projection's rate (the only part whose counted FLOPs are its own: the
     * encoder's part also projects the attention keys, counted under attention).
     *
     * @return a header and one line per part, or an empty string if the forward was not split
     */
    private String forwardParts() {
        if (roofline.forwardSeconds().isEmpty()) {
            return "";
        }
        double total =
                roofline.forwardSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
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
        for (ForwardListener.Part part : ForwardListener.Part.values()) {
            double seconds = roofline.forwardSeconds().get(part);
            boolean projection = part == ForwardListener.Part.OUTPUT_PROJECTION;
            double gflops = projection ? roofline.outputProjectionGflops() : Double.NaN;
            out.append(
                    String.format(
                            Locale.ROOT,
                            row,
                            part.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            String.format(Locale.ROOT, "%.2f", 1000 * seconds / roofline.steps()),
                            total > 0
                                    ? String.format(Locale.ROOT, "%.0f%%", 100 * seconds / total)
                                    : "-",
                            projection ? String.format(Locale.ROOT, "%.1f", gflops) : "-",
                            projection
                                    ? String.format(
                                            Locale.ROOT,
                                            "%.1f%%",
                                            100 * gflops / roofline.peak().gflops())
                                    : "-"));
        }
        return out.toString();
    }

    private void appendPhase(
            StringBuilder out, String phaseRow, String name, double seconds, long phaseFlops) {
        double gflops = seconds > 0 ? phaseFlops / seconds / 1e9 : Double.NaN;
        out.append(
                String.format(
                        Locale.ROOT,
                        phaseRow,
                        name,
                        String.format(Locale.ROOT, "%.2f", 1000 * seconds / roofline.steps()),
                        String.format(Locale.ROOT, "%.3f", phaseFlops / 1e9 / roofline.steps()),
                        phaseFlops == 0 ? "-" : String.format(Locale.ROOT, "%.1f", gflops),
                        phaseFlops == 0
                                ? "-"
                                : String.format(
                                        Locale.ROOT,
                                        "%.1f%%",
                                        100 * gflops / roofline.peak().gflops())));
    }

    private void appendRate(StringBuilder out, String rateRow, MatMulRate rate, String suffix) {
        out.append(
                String.format(
                        Locale.ROOT,
                        rateRow,
                        rate.product().name() + suffix,
                        rate.product().shape(),
                        String.format(Locale.ROOT, "%.1f", rate.gflops()),
                        String.format(
                                Locale.ROOT,
                                "%.0f%%",
                                100 * rate.gflops() / roofline.peak().gflops())));
    }

    private String mflops(long total) {
        return String.format(Locale.ROOT, "%.3f", roofline.flops().perTargetToken(total) / 1e6);
    }

    private static String name(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }
}
