/**
 * Training utilities: the masked cross-entropy loss and its token counts, the teacher-forced
 * evaluation (loss, perplexity, token accuracy) that validation runs, gradient clipping by global
 * norm, teacher-forcing schedules, early stopping, the per-epoch history, a progress bar that also
 * behaves in notebooks, and seeding.
 *
 * <p>Shape letters: B (batch), T (target steps), V (vocabulary).
 */
package dev.seq2seq.train;
