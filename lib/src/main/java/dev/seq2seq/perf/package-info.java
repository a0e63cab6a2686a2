/**
 * Measurement, kept apart from what it measures: analytic FLOP counts of the recurrent models and
 * the Transformer ({@link dev.seq2seq.perf.FlopCount}, {@link
 * dev.seq2seq.perf.TransformerFlopCount}, {@link dev.seq2seq.perf.ModelFlops}), the measured
 * matrix-multiply rate ({@link dev.seq2seq.perf.MatMulRate}), the roofline that sets one against
 * the other ({@link dev.seq2seq.perf.Roofline}, {@link dev.seq2seq.perf.RooflineTable}), the
 * training benchmark ({@link dev.seq2seq.perf.TrainingBenchmark}) with the time of each phase of a
 * step and of each part of the forward pass ({@link dev.seq2seq.perf.TrainingClock}, attached to
 * the step as its {@link dev.seq2seq.train.StepListener} and to the model as its {@link
 * dev.seq2seq.nn.ForwardListener}), kept by {@link dev.seq2seq.perf.PhaseTimes}, the server's load
 * test ({@link dev.seq2seq.perf.LoadTest}) and the process's resident memory ({@link
 * dev.seq2seq.perf.Rss}).
 *
 * <p>Numbers measured here are printed by benchmarks and notebooks, never asserted by unit tests.
 */
package dev.seq2seq.perf;
