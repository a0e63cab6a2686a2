/**
 * From text to tensors: reading a parallel corpus, normalising and tokenizing sentences, building
 * vocabularies, splitting by source sentence, and padding length-bucketed batches.
 *
 * <p>Shape letters: B (batch), S (source steps), T (target steps).
 */
package dev.seq2seq.data;
