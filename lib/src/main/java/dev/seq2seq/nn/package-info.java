/**
 * The networks: token embeddings, the recurrent encoder, the bridge from encoder to decoder state
 * and the decoders (without attention, Bahdanau, Luong), which {@link
 * dev.seq2seq.model.Seq2SeqModel} joins into one model, and the model's settings ({@link
 * dev.seq2seq.nn.Seq2SeqConfig}). The configuration's {@link dev.seq2seq.nn.Architecture} chooses
 * between these recurrent models and the Transformer, whose blocks are in {@code nn.transformer};
 * the model reaches either encoder through {@link dev.seq2seq.nn.SourceEncoder}.
 *
 * <p>Every decoder implements one contract, {@link dev.seq2seq.nn.Seq2SeqDecoder}: {@code
 * initialState} from the encoder's {@link dev.seq2seq.nn.EncodedSource}, {@code step} (logits, new
 * state, attention weights) and {@code teacherForced}; each defines its own typed {@link
 * dev.seq2seq.nn.DecoderState}, which searches move by rows without looking inside.
 *
 * <p>Shapes are batch-first. B: batch, S: source steps, T: target steps, E: embedding size, H:
 * hidden size of the decoder, M: size of one encoder output ("memory": 2·H_enc for a bidirectional
 * encoder, else H_enc), L: layers, V: vocabulary. Decoder states are kept batch-first too, as (B,
 * L, H), so that search can reorder every state array along axis 0.
 */
package dev.seq2seq.nn;
