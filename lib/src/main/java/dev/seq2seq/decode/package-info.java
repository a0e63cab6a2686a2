/**
 * Search: turning a trained {@link dev.seq2seq.nn.Seq2SeqModel} into translations, one decoder step
 * at a time: {@link dev.seq2seq.decode.GreedySearch}, {@link dev.seq2seq.decode.BeamSearch}
 * (n-best, length and coverage penalties) and {@link dev.seq2seq.decode.Sampler} (temperature,
 * top-k, top-p). Shapes: B batch, K beam size, S source steps, T output steps, V target vocabulary.
 */
package dev.seq2seq.decode;
