/**
 * Training: the loop ({@link dev.seq2seq.train.Seq2SeqTrainer}) and its parts (one optimisation
 * step, gradient clipping by global norm, learning-rate and teacher-forcing schedules and scheduled
 * sampling, early stopping, the per-epoch history, a progress bar that also behaves in notebooks,
 * seeding). The loss is in {@code loss}; what a run leaves on disk is in {@code store}; timing it
 * is in {@code perf}.
 *
 * <p>Shape letters: B (batch), T (target steps), V (vocabulary).
 */
package dev.seq2seq.train;
