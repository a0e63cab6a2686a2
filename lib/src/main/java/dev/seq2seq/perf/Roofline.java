package dev.seq2seq.perf;

import ai.djl.util.Preconditions;

import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.train.TrainingStep.Phase;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where training stands against the engine's ceiling: the analytic FLOPs of the measured steps per
 * block ({@link FlopCount}), the time of each phase of a step ({@link TrainingClock}), and the
 * matrix-multiply rates measured in the same JVM ({@link MatMulRate}): the peak of a large square
 * product and the rates of the model's own shapes; optionally the time of each part of the forward
 * phase ({@link TrainingClock}). {@link #format()} prints it all as a text table, for the {@code
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
        Map<ForwardListener.Part, Double> forwardSeconds) {

    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException if no step was counted, a phase is missing or has negative
     *     time, the steps took no time, or a part of the forward phase is missing or has negative
     *     time
     */
    public Roofline {
        Preconditions.checkArgument(
                flops != null && flops.batches() != 0,
                "a roofline needs the FLOPs of at least one step");
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
        Preconditions.checkArgument(peak != null, "a roofline needs a peak rate");
        phaseSeconds = Collections.unmodifiableMap(copy);
        products = List.copyOf(products);
        EnumMap<ForwardListener.Part, Double> parts = new EnumMap<>(ForwardListener.Part.class);
        if (!forwardSeconds.isEmpty()) {
            for (ForwardListener.Part part : ForwardListener.Part.values()) {
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
     * Returns the rate of the output projection within the forward phase: its counted forward FLOPs
     * over the time of {@link ForwardListener.Part#OUTPUT_PROJECTION} (which includes the features'
     * dropout).
     *
     * @return GFLOP/s, or NaN if the forward phase was not split or the part took no time
     */
    public double outputProjectionGflops() {
        Double seconds = forwardSeconds.get(ForwardListener.Part.OUTPUT_PROJECTION);
        if (seconds == null || !(seconds > 0)) {
            return Double.NaN;
        }
        return flops.block(ModelFlops.Block.OUTPUT_PROJECTION).forward() / seconds / 1e9;
    }

    /**
     * Formats the roofline as text tables ({@link RooflineTable}): FLOPs per target token per
     * block, time and rate per phase (and per part of the forward phase, when measured),
     * matrix-multiply rates, and the achieved / peak ratio.
     *
     * @return several lines, each ending with a newline
     */
    public String format() {
        return RooflineTable.of(this);
    }

    /**
     * The first of {@link #format()}'s tables: FLOPs per target token per block, forward and
     * backward, with the tokens and padding they were counted over.
     *
     * @return several lines, each ending with a newline
     */
    public String formatFlops() {
        return RooflineTable.flops(this);
    }

    /**
     * The second of {@link #format()}'s tables: time per step and per phase, each phase's rate and
     * share of the peak, and the parts of the forward phase when measured.
     *
     * @return several lines, each ending with a newline
     */
    public String formatTime() {
        return RooflineTable.time(this);
    }

    /**
     * The last of {@link #format()}'s tables: matrix-multiply rates (the peak and the model's
     * largest products) and the achieved / peak ratio.
     *
     * @return several lines, each ending with a newline
     */
    public String formatRates() {
        return RooflineTable.rates(this);
    }

    @Override
    public String toString() {
        return format();
    }
}
