package dev.seq2seq.train;

import ai.djl.engine.Engine;
import ai.djl.util.Preconditions;

/**
 * Seeding for reproducible runs.
 *
 * <p>{@link #seedEverything} seeds what the engine owns: DJL's shared {@code RandomUtils.RANDOM}
 * and, on PyTorch, {@code torch.manual_seed}, the generator behind parameter initialisation ({@code
 * randomNormal}, {@code randomUniform}) and dropout. Call it before the model is initialised.
 *
 * <p>It does not reach the {@code java.util.Random} instances of this library: pass each one its
 * seed explicitly (as {@code BucketSampler.builder().optSeed(seed)} does for batch order, and as
 * the caller does for the {@code Random} given to {@link TeacherForcingSchedule#teacherForce} or to
 * sampling decoders), so that each consumer has its own reproducible stream, independent of how
 * many numbers the others draw. Even so, results can differ between machines and thread counts
 * (floating-point sums in another order), and a few PyTorch ops are nondeterministic whatever the
 * seed; record the seed with the model all the same.
 */
public final class Seeds {

    private Seeds() {}

    /**
     * Seeds the engine's random number generators (DJL's and PyTorch's).
     *
     * @param seed the seed; DJL takes an {@code int}, so it must fit in one
     * @throws IllegalArgumentException if {@code seed} is outside the {@code int} range (rather
     *     than silently truncating it, which would make two different seeds collide)
     */
    public static void seedEverything(long seed) {
        Preconditions.checkArgument(
                seed == (int) seed,
                "seed must fit in an int (DJL's Engine.setRandomSeed takes one), got " + seed);
        Engine.getInstance().setRandomSeed((int) seed);
    }
}
