package dev.seq2seq.train;

import ai.djl.training.tracker.Tracker;
import ai.djl.util.Preconditions;

/**
 * The learning-rate schedule of Vaswani et al. (2017), section 5.3, named after Noam Shazeer in The
 * Annotated Transformer: a linear warm-up over the first {@code warmup} updates, then decay with
 * the inverse square root of the update number.
 *
 * <p>The paper writes it with the model size D:
 *
 * <pre>
 *   lr(step) = factor · D^-0.5 · min(step^-0.5, step · warmup^-1.5)
 * </pre>
 *
 * <p>which peaks at step = warmup with {@code peak = factor · (D · warmup)^-0.5}. This class is
 * parameterised by that peak, which is easier to choose and to compare with a constant rate:
 *
 * <pre>
 *   lr(step) = peak · min(step / warmup, (warmup / step)^0.5)
 * </pre>
 *
 * <p>the same function ({@link #paper} converts). D = 512, warmup = 4000, factor = 1 gives the
 * paper's peak of 7.0e-4. Steps count from 1 (DJL's optimisers pass 1 at the first update); 0 is
 * read as 1.
 */
public final class NoamSchedule implements Tracker {

    private final float peak;
    private final int warmup;

    private NoamSchedule(float peak, int warmup) {
        if (!(peak > 0) || warmup < 1) {
            throw new IllegalArgumentException(
                    "need peak > 0 and warmup >= 1, got peak = " + peak + ", warmup = " + warmup);
        }
        this.peak = peak;
        this.warmup = warmup;
    }

    /**
     * Returns the schedule with the given peak rate, reached at step {@code warmup}.
     *
     * @param peak the largest learning rate
     * @param warmup the warm-up updates
     * @return the schedule
     * @throws IllegalArgumentException if peak is not positive or warmup is below 1
     */
    public static NoamSchedule ofPeak(float peak, int warmup) {
        return new NoamSchedule(peak, warmup);
    }

    /**
     * Returns the schedule as the paper writes it: {@code factor · D^-0.5 · min(step^-0.5, step ·
     * warmup^-1.5)}.
     *
     * @param factor the paper's scale (1 in the paper, 2 in The Annotated Transformer's example)
     * @param modelSize D
     * @param warmup the warm-up updates (4000 in the paper)
     * @return the schedule, whose peak is {@code factor / sqrt(D · warmup)}
     * @throws IllegalArgumentException if a value is not positive
     */
    public static NoamSchedule paper(double factor, int modelSize, int warmup) {
        Preconditions.checkArgument(modelSize >= 1, "need D >= 1, got " + modelSize);
        return new NoamSchedule((float) (factor / Math.sqrt((double) modelSize * warmup)), warmup);
    }

    /**
     * Returns the peak rate.
     *
     * @return the rate at step {@code warmup}
     */
    public float peak() {
        return peak;
    }

    @Override
    public float getNewValue(int numUpdate) {
        double step = Math.max(1, numUpdate);
        return (float) (peak * Math.min(step / warmup, Math.sqrt(warmup / step)));
    }
}
