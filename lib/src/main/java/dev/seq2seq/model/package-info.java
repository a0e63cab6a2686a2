/**
 * The whole model: {@link dev.seq2seq.model.Seq2SeqModel} joins an encoder, a decoder and the
 * output projection into one DJL block, with a teacher-forced forward pass for training and {@code
 * encode} plus a single-step {@code step} for search; {@link dev.seq2seq.model.AttentionFactory}
 * builds the attention its configuration names. The parts themselves are in {@code nn} and {@code
 * nn.transformer}; a {@link dev.seq2seq.nn.ForwardListener} set on the model hears where a forward
 * pass is, for whoever times it ({@code perf.TrainingClock}).
 *
 * <p>Shapes are batch-first. B: batch, S: source steps, T: target steps, V: vocabulary.
 */
package dev.seq2seq.model;
