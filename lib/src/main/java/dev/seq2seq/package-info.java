/**
 * Sequence-to-sequence models in Java, on DJL: the library behind the tutorial notebooks.
 *
 * <p>Data flows one way: text to {@link dev.seq2seq.data} (corpus, normalisation, tokenizers,
 * vocabulary, batches), to the models, to training and decoding, to evaluation, to {@link
 * dev.seq2seq.viz} (charts as values). Tensor shapes are batch-first; the letters are B (batch), S
 * (source steps), T (target steps), E (embedding), H (hidden), V (vocabulary).
 */
package dev.seq2seq;
