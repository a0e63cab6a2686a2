package dev.seq2seq.train;

/** How the learning rate changes over training ({@link TrainingConfig#learningRateSchedule()}). */
public enum LearningRateSchedule {
    /**
     * Adam's rate multiplied by a constant factor per epoch, spread evenly over its updates: the
     * recurrent models' schedule and the default.
     */
    EPOCH_DECAY,
    /**
     * Linear warm-up to a peak, then decay with the inverse square root of the step (Vaswani et al.
     * 2017, section 5.3): the Transformer's schedule, {@link NoamSchedule}. It follows the
     * optimiser's update count, so a resumed run, whose Adam moments restart, warms up again.
     */
    NOAM
}
