/**
 * Attention for sequence-to-sequence models: scoring functions, the masked softmax, and the global
 * and local attention blocks that turn scores into weights and a context vector.
 *
 * <p>Shapes are batch-first. The letters, used in every javadoc and shape comment of the package:
 *
 * <ul>
 *   <li>B: batch size;
 *   <li>T: query steps (decoder steps; T = 1 for a single decoding step);
 *   <li>S: source steps (the length of the memory, padding included);
 *   <li>Hq: query size (the decoder state size);
 *   <li>Hk: memory size (the size of each key/value vector, e.g. the encoder output size);
 *   <li>A: attention hidden size (of the concat and additive scores, and of the local-p position
 *       predictor).
 * </ul>
 *
 * <p>The pieces, from small to large:
 *
 * <ol>
 *   <li>an {@link dev.seq2seq.attention.AttentionScore} maps a query (B, T, Hq) and keys (B, S, Hk)
 *       to scores (B, T, S). The six kinds are named by {@link dev.seq2seq.attention.ScoreType} and
 *       built by {@link dev.seq2seq.attention.AttentionScore#create}. Each is a DJL block with a
 *       {@code builder()};
 *   <li>{@link dev.seq2seq.attention.MaskedSoftmax} turns scores into weights that sum to 1 over
 *       the valid source positions and are exactly 0 at padding;
 *   <li>an {@link dev.seq2seq.attention.AttentionBlock} ({@link
 *       dev.seq2seq.attention.GlobalAttention} or {@link dev.seq2seq.attention.LocalAttention})
 *       maps a query, a memory (B, S, Hk) and the memory lengths (B) to a context (B, T, Hk) and
 *       the weights (B, T, S).
 * </ol>
 *
 * <p>The memory serves as both keys and values, as in Bahdanau et al. (2015) and Luong et al.
 * (2015). Memory lengths are {@code int64} and each must lie in [1, S].
 */
package dev.seq2seq.attention;
