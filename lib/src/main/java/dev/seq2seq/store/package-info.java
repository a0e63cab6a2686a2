/**
 * What a run leaves on disk and how it is read back: a {@link dev.seq2seq.store.Checkpoint}
 * (parameters, configuration and vocabularies, checked against each other on load, failing with a
 * {@link dev.seq2seq.store.CheckpointException} that names the file), a run's folder ({@link
 * dev.seq2seq.store.TrainingRunFolder}: checkpoint, history, settings and {@link
 * dev.seq2seq.store.Provenance}), the notebooks' train-once-and-reuse {@link
 * dev.seq2seq.store.TrainedModels}, and the two ways a file is written so that a killed process
 * never leaves half of it ({@link dev.seq2seq.store.AtomicFile}, {@link
 * dev.seq2seq.store.AtomicFolder}).
 *
 * <p>Every JSON file the project writes, and every JSON body the server exchanges, goes through the
 * one mapping of {@link dev.seq2seq.store.Json}, which reads enum names strictly; {@link
 * dev.seq2seq.store.ConfigJson} is the model configuration's form of it, which still reads the
 * {@code config.json} files of older checkpoints.
 */
package dev.seq2seq.store;
