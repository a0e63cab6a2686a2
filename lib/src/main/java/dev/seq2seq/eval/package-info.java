/**
 * Evaluation metrics for generated text, pure Java and pinned to published reference values.
 *
 * <ul>
 *   <li>{@link dev.seq2seq.eval.Bleu} (Papineni et al. 2002) and {@link dev.seq2seq.eval.Chrf}
 *       (chrF and chrF++, Popović 2015, 2017) compute what sacreBLEU 2.x computes (Post 2018), so
 *       scores and their signatures can be compared with papers.
 *   <li>{@link dev.seq2seq.eval.Rouge} computes ROUGE-1, ROUGE-2 and ROUGE-L (Lin 2004) as Google's
 *       rouge-score package does without stemming.
 *   <li>{@link dev.seq2seq.eval.TokenPredictions} (teacher-forced next tokens) and {@link
 *       dev.seq2seq.eval.FirstTokenConfusion} (first output token against first reference token)
 *       are error analyses: a {@link dev.seq2seq.eval.ClassificationReport} of per-class precision,
 *       recall and F1, computed by Tribuo's {@code LabelEvaluator}, over {@link
 *       dev.seq2seq.eval.TokenClasses} (chosen tokens plus {@code <other>}), with their {@link
 *       dev.seq2seq.eval.ConfusionCounts}.
 * </ul>
 *
 * <p>Metrics take detokenized text: one hypothesis per segment and, per segment, a list of
 * references ({@link dev.seq2seq.eval.References} converts sacreBLEU's reference streams).
 * Degenerate input (empty strings, an empty corpus) gives 0 or another documented value, never NaN;
 * malformed input (nulls, count mismatches) throws {@link IllegalArgumentException}. Teacher-forced
 * statistics (loss, perplexity, token accuracy) are not computed here but by {@link
 * dev.seq2seq.loss.TeacherForcedEvaluation}, which the trainer's validation also runs; with no
 * token they are NaN, as {@link dev.seq2seq.loss.TokenStats} defines them.
 */
package dev.seq2seq.eval;
