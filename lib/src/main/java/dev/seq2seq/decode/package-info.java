/**
 * Search: turning a trained {@link dev.seq2seq.nn.Seq2SeqModel} into translations, one decoder step
 * at a time. Shapes: B batch, S source steps, T output steps, V target vocabulary.
 */
package dev.seq2seq.decode;
