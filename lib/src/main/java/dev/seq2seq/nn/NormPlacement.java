package dev.seq2seq.nn;

/**
 * Where a Transformer layer normalises around each sublayer (attention or feed-forward) f.
 *
 * <ul>
 *   <li>{@link #POST}: {@code x ← LayerNorm(x + Dropout(f(x)))}, as in Vaswani et al. (2017).
 *   <li>{@link #PRE}: {@code x ← x + Dropout(f(LayerNorm(x)))}, with one more layer norm after the
 *       last layer (Wang et al. 2019, "Learning Deep Transformer Models for Machine Translation";
 *       Xiong et al. 2020). The residual path is an identity from the embeddings to the top, which
 *       trains stably without a long warm-up; the default here.
 * </ul>
 */
public enum NormPlacement {
    /** Layer norm on each sublayer's input, and once after the stack. */
    PRE,
    /** Layer norm after each residual addition, as in the paper. */
    POST
}
