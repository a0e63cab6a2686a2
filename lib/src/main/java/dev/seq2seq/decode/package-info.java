/**
 * Search: turning a trained {@link dev.seq2seq.model.Seq2SeqModel} into translations, one decoder
 * step at a time. Every search implements {@link dev.seq2seq.decode.Search}: {@link
 * dev.seq2seq.decode.GreedySearch} and {@link dev.seq2seq.decode.Sampler} (temperature, top-k,
 * top-p) share one loop and differ only in how they choose each token; {@link
 * dev.seq2seq.decode.BeamSearch} adds n-best lists and length and coverage penalties. A {@link
 * dev.seq2seq.decode.Translator} takes any search and goes from text to text. Shapes: B batch, K
 * beam size, S source steps, T output steps, V target vocabulary.
 */
package dev.seq2seq.decode;
