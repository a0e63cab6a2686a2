/**
 * Training: the loop ({@link dev.seq2seq.train.Seq2SeqTrainer}) and its parts (one optimisation
 * step, the masked cross-entropy loss and its token counts, the teacher-forced evaluation that
 * validation runs, gradient clipping by global norm, teacher-forcing schedules and scheduled
 * sampling, early stopping, the per-epoch history, a progress bar that also behaves in notebooks,
 * seeding), and a run's folder ({@link dev.seq2seq.train.TrainingRunFolder}: checkpoint, history
 * and settings).
 *
 * <p>Shape letters: B (batch), T (target steps), V (vocabulary).
 */
package dev.seq2seq.train;
