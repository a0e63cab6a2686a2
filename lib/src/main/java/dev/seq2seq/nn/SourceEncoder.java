package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * The encoder half of a {@link dev.seq2seq.model.Seq2SeqModel}: from a padded batch of source
 * sentences to what a decoder's {@link Seq2SeqDecoder#initialState} reads ({@link EncodedSource}).
 * Shapes: B batch, S source steps.
 *
 * <p>Implementations: the recurrent encoder followed by its {@link Bridge} (inside {@link
 * dev.seq2seq.model.Seq2SeqModel}, which keeps them as two blocks so that checkpoints keep their
 * layout), and {@code nn.transformer.TransformerEncoder}.
 */
@FunctionalInterface
public interface SourceEncoder {

    /**
     * Encodes a batch of source sentences.
     *
     * @param ps the parameter store
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64, each in [1, S]
     * @param training whether in training mode (dropout)
     * @return the memory (B, S, M), the lengths, the bridged state (empty when the decoder has no
     *     recurrent state) and a summary (B, M)
     * @throws IllegalArgumentException if a shape or a length is wrong, naming expected and actual
     */
    EncodedSource encode(
            ParameterStore ps, NDArray source, NDArray sourceLengths, boolean training);
}
