package dev.seq2seq.perf;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.TransformerSettings;
import dev.seq2seq.perf.ModelFlops.Block;

import java.util.List;

/**
 * The analytic FLOPs of one teacher-forced training step of a Transformer {@link Seq2SeqModel}
 * (Vaswani et al. 2017), per block, as {@link FlopCount} counts the recurrent models': matrix
 * products only, at 2·m·k·n; backward twice the forward; the embedding's backward a scatter-add.
 *
 * <p>Shapes: B batch, S padded source steps, T padded target steps, D model size, h heads (the
 * per-head products add up to the same count as one of size D), F feed-forward size, N_e and N_d
 * encoder and decoder layers, V target vocabulary. Unlike the recurrent encoder, every block runs
 * over the padded grid (B·S or B·T), and under teacher forcing the decoder's self-attention scores
 * the full T x T grid (the causal mask hides half of it, the product still computes it).
 *
 * <p><b>Forward, per block.</b>
 *
 * <pre>
 *   embedding               0                                      (a gather)
 *   encoder self-attention  N_e · [4 · 2·B·S·D·D  (W^Q, W^K, W^V, W^O)
 *                                  + 2·B·S·S·D (Q K^T) + 2·B·S·S·D (weights · V)]
 *   decoder self-attention  N_d · [4 · 2·B·T·D·D + 2·B·T·T·D + 2·B·T·T·D]
 *   cross-attention         N_d · [2 · 2·B·T·D·D  (W^Q, W^O on the target)
 *                                  + 2 · 2·B·S·D·D (W^K, W^V on the memory, once per batch)
 *                                  + 2·B·T·S·D + 2·B·T·S·D]
 *   feed-forward            (N_e · B·S + N_d · B·T) · 2 · 2·D·F    (D to F, then F to D)
 *   output projection       2·B·T·D·V                           (own layer or shared embedding)
 * </pre>
 *
 * <p><b>Backward.</b> Twice the forward for every product; the embeddings' backward a scatter-add
 * of B·(S + T)·D additions. Layer norms, softmaxes, ReLUs, dropout, positional encodings and the √D
 * scaling are element-wise and not counted.
 */
final class TransformerFlopCount {

    private TransformerFlopCount() {}

    /**
     * Counts the FLOPs of one teacher-forced training step.
     *
     * @param config a Transformer configuration
     * @param batch the batch's padded shape and real token counts
     * @return forward and backward FLOPs per block
     * @throws ArithmeticException if a count overflows a long
     */
    static ModelFlops of(Seq2SeqConfig config, BatchShape batch) {
        TransformerSettings t = config.transformer();
        long b = batch.batchSize();
        long s = batch.sourceSteps();
        long tt = batch.targetSteps();
        long d = config.modelSize();
        long f = t.feedForwardSize();
        long ne = t.encoderLayers();
        long nd = t.decoderLayers();
        long[] forward = new long[Block.values().length];
        forward[Block.ENCODER_SELF_ATTENTION.ordinal()] = ne * selfAttention(b, s, d);
        forward[Block.DECODER_SELF_ATTENTION.ordinal()] = nd * selfAttention(b, tt, d);
        forward[Block.CROSS_ATTENTION.ordinal()] =
                nd
                        * (2 * mm(b * tt, d, d)
                                + 2 * mm(b * s, d, d)
                                + mm(b * tt, d, s)
                                + mm(b * tt, s, d));
        forward[Block.FEED_FORWARD.ordinal()] =
                Math.multiplyExact(ne * b * s + nd * b * tt, 2 * mm(1, d, f));
        forward[Block.OUTPUT_PROJECTION.ordinal()] = mm(b * tt, d, config.targetVocabularySize());
        long[] backward = new long[forward.length];
        for (int i = 0; i < forward.length; i++) {
            backward[i] = Math.multiplyExact(2, forward[i]);
        }
        backward[Block.EMBEDDING.ordinal()] = Math.multiplyExact(b * (s + tt), d);
        return ModelFlops.of(batch, forward, backward);
    }

    /**
     * Returns the Transformer's largest products, one of each kind.
     *
     * @param config a Transformer configuration
     * @param batch the batch's shape
     * @return the products, the output projection first
     */
    static List<MatrixProduct> products(Seq2SeqConfig config, BatchShape batch) {
        long b = batch.batchSize();
        long s = batch.sourceSteps();
        long tt = batch.targetSteps();
        long d = config.modelSize();
        long f = config.transformer().feedForwardSize();
        long dk = d / config.transformer().heads();
        return List.of(
                new MatrixProduct(
                        "output projection (B·T, D) x (D, V)",
                        b * tt,
                        d,
                        config.targetVocabularySize()),
                new MatrixProduct("encoder feed-forward (B·S, D) x (D, F)", b * s, d, f),
                new MatrixProduct("decoder feed-forward (B·T, D) x (D, F)", b * tt, d, f),
                new MatrixProduct("encoder projection W^Q (B·S, D) x (D, D)", b * s, d, d),
                new MatrixProduct("one head's scores Q K^T (S, d_k) x (d_k, S)", s, dk, s));
    }

    /** Q, K, V and output projections over L positions plus scores and context, L x L. */
    private static long selfAttention(long b, long l, long d) {
        return 4 * mm(b * l, d, d) + mm(b * l, d, l) + mm(b * l, l, d);
    }

    private static long mm(long m, long k, long n) {
        return Math.multiplyExact(Math.multiplyExact(2 * m, k), n);
    }
}
