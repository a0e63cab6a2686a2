/**
 * The Transformer of Vaswani et al. (2017), "Attention Is All You Need", as blocks of a {@link
 * dev.seq2seq.model.Seq2SeqModel}: {@link dev.seq2seq.nn.transformer.PositionalEncoding}, {@link
 * dev.seq2seq.nn.transformer.MultiHeadAttention} with key-padding and causal masks ({@link
 * dev.seq2seq.nn.transformer.AttentionMask}), {@link dev.seq2seq.nn.transformer.SublayerConnection}
 * (residual, dropout and layer norm, pre- or post-norm), {@link
 * dev.seq2seq.nn.transformer.TransformerEncoderLayer}, {@link
 * dev.seq2seq.nn.transformer.TransformerDecoderLayer}, and the {@link
 * dev.seq2seq.nn.transformer.TransformerEncoder} and {@link
 * dev.seq2seq.nn.transformer.TransformerDecoder} that a model plugs in through the encoder seam
 * ({@link dev.seq2seq.nn.SourceEncoder}) and the decoder contract ({@link
 * dev.seq2seq.nn.Seq2SeqDecoder}).
 *
 * <p>Shapes are batch-first. B: batch, S: source steps, T: target steps (query positions), P:
 * target positions already decoded (cached), D: model size, h: heads, d_k = D / h: the size of one
 * head, F: the feed-forward inner size d_ff, N: layers, V: target vocabulary.
 *
 * <p>Which of DJL's {@code ai.djl.nn.transformer} blocks are used, and why:
 *
 * <ul>
 *   <li>{@code PointwiseFeedForwardBlock}: used as the position-wise feed-forward network (Linear,
 *       ReLU, Linear); it is exactly the paper's FFN.
 *   <li>{@code ai.djl.nn.norm.LayerNorm}: used, over the last axis, in {@link
 *       dev.seq2seq.nn.transformer.SublayerConnection}; checked against the formula in its test.
 *   <li>{@code ScaledDotProductAttentionBlock}: not used. It returns only the projected output (no
 *       attention weights, which the notebooks draw per head), projects keys and values at every
 *       call (so no cached decoder keys/values and no cross-attention keys projected once per
 *       source), and masks with an additive -100000 instead of -∞. {@link
 *       dev.seq2seq.nn.transformer.MultiHeadAttention} is ours; its test gives it DJL's block's
 *       parameters and checks the same output on a padded, masked case DJL handles.
 *   <li>{@code TransformerEncoderBlock}: not used. It normalises with batch norm (statistics over
 *       the batch and over padding, so one sentence's output depends on the others) where the paper
 *       uses layer norm, and its second residual adds the block's input instead of the attention
 *       sublayer's output.
 * </ul>
 */
package dev.seq2seq.nn.transformer;
