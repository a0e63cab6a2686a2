/**
 * What training minimises and validation reports: {@link dev.seq2seq.loss.MaskedCrossEntropyLoss}
 * (cross-entropy over real target tokens only, with optional label smoothing), its token counts
 * ({@link dev.seq2seq.loss.TokenStats}: loss, perplexity, token accuracy) and {@link
 * dev.seq2seq.loss.TeacherForcedEvaluation}, the teacher-forced pass over a split that the
 * trainer's validation and the notebooks' evaluations share.
 *
 * <p>Shape letters: B (batch), T (target steps), V (vocabulary).
 */
package dev.seq2seq.loss;
