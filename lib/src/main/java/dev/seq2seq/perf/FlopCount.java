package dev.seq2seq.perf;

import dev.seq2seq.attention.ScoreType;
import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.CellType;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.perf.ModelFlops.Block;

import java.util.ArrayList;
import java.util.List;

/**
 * The analytic floating-point operations of one teacher-forced training step of a {@link
 * Seq2SeqModel}, per block, counted from the configuration and the batch's real shape, as the code
 * executes them today.
 *
 * <p>Shapes: B batch, S padded source steps, T padded target steps, E embedding, H hidden, M memory
 * (2H if bidirectional, else H), L layers, N_dir directions (1 or 2), V target vocabulary, A
 * attention size, G gates of the cell (RNN 1, GRU 3, LSTM 4), N_src and N_tgt the real (unpadded)
 * source and target tokens of the batch.
 *
 * <p><b>What is counted.</b> Only matrix products, at 2·m·k·n for (m, k) x (k, n) (one multiply and
 * one add per term). Element-wise operations (biases, gates' sigmoids and tanhs, dropout, maxout,
 * softmax, masks, the loss's log-softmax) are not: each costs O(1) per element against O(k) for a
 * product's output element, and on a CPU they are bound by memory traffic, not arithmetic, so they
 * do not belong on a FLOP roofline. The forward is counted on what the engine runs: the padded grid
 * B·T for the decoder and B·S for attention, but only the N_src valid steps for the encoder, which
 * runs each group of equal-length sentences truncated to its length.
 *
 * <p><b>Forward, per block.</b>
 *
 * <pre>
 *   embedding    0                                   (a gather)
 *   encoder      N_src · N_dir · Σ_layers 2·G·H·(In_l + H),   In_0 = E, In_l = M for l ≥ 1
 *   bridge       LINEAR: 2·B·L·M·H per state array (1, or 2 for LSTM's h and c); NONE, COPY: 0
 *   decoder cell B·T · [2·G·H·(In + H) + (L - 1)·2·G·H·(H + H)]
 *                In = E + M (plain, Bahdanau), E (Luong), E + H (Luong with input feeding)
 *   attention    (plain: 0) keys + calls · [score + 2·B·q·S·M (context = weights · memory)
 *                                            + local-p: 2·B·q·(H·A + A) (position predictor)]
 *                keys: additive 2·B·S·M·A (W_k h_s, once per batch); every other score 0
 *                calls = T, q = 1 when the decoder runs step by step (Bahdanau, Luong with input
 *                feeding); calls = 1, q = T for Luong without input feeding
 *   score        dot, scaled dot, cosine:  2·B·q·S·M            (H = M)
 *                general:                  2·B·q·H·M + 2·B·q·M·S
 *                concat:                   2·B·q·S·(H + M)·A + 2·B·q·S·A
 *                additive:                 2·B·q·H·A + 2·B·q·S·A
 *   readout      Bahdanau: 2·B·T·(H + M + E)·2H;  Luong: 2·B·T·(M + H)·H;  plain: 0
 *   output       2·B·T·H·V
 * </pre>
 *
 * <p>The additive score projects the keys, W_k h_s (2·B·S·M·A), once per batch: the decoders
 * prepare the keys in their initial state ({@code AttentionBlock.prepare}), and every step scores
 * against them. (Until that change the projection ran at every step, T times per batch.)
 *
 * <p><b>Backward.</b> Twice the forward for every matrix product: the gradient with respect to the
 * input and with respect to the weight (or the other operand) each cost one product of the same
 * size. Every operand here depends on parameters, so the engine computes both (up to the first
 * step's gradient with respect to a constant initial state, negligible). The embedding's backward
 * is not a product: a scatter-add of the output gradient into the table's rows, counted as one
 * addition per gathered element, B·(S + T)·E.
 *
 * <p>Every configuration {@link Seq2SeqConfig} accepts is covered; a Transformer's blocks and
 * formulas are in {@link TransformerFlopCount}. Not covered: scheduled sampling (teacher-forcing
 * ratio below 1), which runs the plain and Luong decoders step by step; the counts are those of
 * {@code TrainingStep} with ratio 1.
 */
public final class FlopCount {

    private FlopCount() {}

    /**
     * Counts the FLOPs of one teacher-forced training step.
     *
     * @param config the model's configuration
     * @param batch the batch's padded shape and real token counts
     * @return forward and backward FLOPs per block, with the batch's token counts
     * @throws ArithmeticException if a count overflows a long
     */
    public static ModelFlops of(Seq2SeqConfig config, BatchShape batch) {
        if (config.isTransformer()) {
            return TransformerFlopCount.of(config, batch);
        }
        Sizes z = new Sizes(config, batch);
        long[] forward = new long[Block.values().length];
        forward[Block.ENCODER.ordinal()] = encoder(z);
        forward[Block.BRIDGE.ordinal()] = bridge(config, z);
        forward[Block.ATTENTION.ordinal()] = attention(config, z);
        forward[Block.DECODER_CELL.ordinal()] = decoderCell(config, z);
        forward[Block.READOUT.ordinal()] = readout(config, z);
        forward[Block.OUTPUT_PROJECTION.ordinal()] = mm(z.b * z.t, z.h, z.v);
        long[] backward = new long[forward.length];
        for (int i = 0; i < forward.length; i++) {
            backward[i] = Math.multiplyExact(2, forward[i]);
        }
        backward[Block.EMBEDDING.ordinal()] = Math.multiplyExact(z.b * (z.s + z.t), z.e);
        return ModelFlops.of(batch, forward, backward);
    }

    /**
     * Returns the largest matrix products of the forward pass as the engine runs them, one of each
     * kind: the output projection, the encoder's input projection (as if all sentences had length
     * S), the additive score's key projection, the readout, and one step of the decoder's
     * recurrence.
     *
     * @param config the model's configuration
     * @param batch the batch's shape
     * @return the products, the output projection first
     */
    public static List<MatrixProduct> products(Seq2SeqConfig config, BatchShape batch) {
        if (config.isTransformer()) {
            return TransformerFlopCount.products(config, batch);
        }
        Sizes z = new Sizes(config, batch);
        List<MatrixProduct> list = new ArrayList<>();
        list.add(new MatrixProduct("output projection (B·T, H) x (H, V)", z.b * z.t, z.h, z.v));
        list.add(
                new MatrixProduct(
                        "encoder input projection (B·S, E) x (E, G·H)", z.b * z.s, z.e, z.g * z.h));
        if (config.recurrent().decoder() != DecoderType.PLAIN
                && config.recurrent().attentionScore() == ScoreType.ADDITIVE) {
            list.add(
                    new MatrixProduct(
                            "additive key projection (B·S, M) x (M, A)", z.b * z.s, z.m, z.a));
        }
        long rows = stepwise(config) ? z.b : z.b * z.t;
        String r = stepwise(config) ? "B" : "B·T";
        switch (config.recurrent().decoder()) {
            case BAHDANAU ->
                    list.add(
                            new MatrixProduct(
                                    "readout (" + r + ", H+M+E) x (H+M+E, 2H)",
                                    rows,
                                    z.h + z.m + z.e,
                                    2 * z.h));
            case LUONG ->
                    list.add(
                            new MatrixProduct(
                                    "readout W_c (" + r + ", M+H) x (M+H, H)",
                                    rows,
                                    z.m + z.h,
                                    z.h));
            case PLAIN -> {}
        }
        list.add(
                new MatrixProduct("decoder recurrent step (B, H) x (H, G·H)", z.b, z.h, z.g * z.h));
        return List.copyOf(list);
    }

    /**
     * Returns G, the number of gates whose weights one step multiplies: the rows of W_ih and W_hh
     * are G·H.
     *
     * @param cell the cell
     * @return 1 for RNN, 3 for GRU, 4 for LSTM
     */
    public static int gates(CellType cell) {
        return switch (cell) {
            case RNN -> 1;
            case GRU -> 3;
            case LSTM -> 4;
        };
    }

    private static long encoder(Sizes z) {
        long perToken = 0;
        for (int layer = 0; layer < z.l; layer++) {
            long in = layer == 0 ? z.e : z.m;
            perToken += recurrence(z.g, z.h, in);
        }
        return Math.multiplyExact(z.sourceTokens * z.d, perToken);
    }

    private static long bridge(Seq2SeqConfig config, Sizes z) {
        return switch (config.recurrent().bridge()) {
            case NONE, COPY -> 0;
            case LINEAR -> config.recurrent().cell().stateArrays() * mm(z.b * z.l, z.m, z.h);
        };
    }

    private static long decoderCell(Seq2SeqConfig config, Sizes z) {
        long in =
                switch (config.recurrent().decoder()) {
                    case PLAIN, BAHDANAU -> z.e + z.m;
                    case LUONG -> config.recurrent().inputFeeding() ? z.e + z.h : z.e;
                };
        long perRow = recurrence(z.g, z.h, in) + (z.l - 1) * recurrence(z.g, z.h, z.h);
        return Math.multiplyExact(z.b * z.t, perRow);
    }

    private static long attention(Seq2SeqConfig config, Sizes z) {
        if (config.recurrent().decoder() == DecoderType.PLAIN) {
            return 0;
        }
        long calls = stepwise(config) ? z.t : 1;
        long q = stepwise(config) ? 1 : z.t;
        long perCall = score(config.recurrent().attentionScore(), z, q) + mm(z.b * q, z.s, z.m);
        if (config.recurrent().localWindow() > 0) {
            perCall += mm(z.b * q, z.h, z.a) + mm(z.b * q, z.a, 1);
        }
        long keys =
                config.recurrent().attentionScore() == ScoreType.ADDITIVE
                        ? mm(z.b * z.s, z.m, z.a)
                        : 0;
        return Math.addExact(keys, Math.multiplyExact(calls, perCall));
    }

    private static long score(ScoreType type, Sizes z, long q) {
        return switch (type) {
            case DOT, SCALED_DOT, COSINE -> mm(z.b * q, z.m, z.s);
            case GENERAL -> mm(z.b * q, z.h, z.m) + mm(z.b * q, z.m, z.s);
            case CONCAT -> mm(z.b * q * z.s, z.h + z.m, z.a) + mm(z.b * q * z.s, z.a, 1);
            case ADDITIVE -> mm(z.b * q, z.h, z.a) + mm(z.b * q * z.s, z.a, 1); // keys: once
        };
    }

    private static long readout(Seq2SeqConfig config, Sizes z) {
        return switch (config.recurrent().decoder()) {
            case PLAIN -> 0;
            case BAHDANAU -> mm(z.b * z.t, z.h + z.m + z.e, 2 * z.h);
            case LUONG -> mm(z.b * z.t, z.m + z.h, z.h);
        };
    }

    /** Whether the decoder runs its T steps one by one under teacher forcing. */
    private static boolean stepwise(Seq2SeqConfig config) {
        return config.recurrent().decoder() == DecoderType.BAHDANAU
                || (config.recurrent().decoder() == DecoderType.LUONG
                        && config.recurrent().inputFeeding());
    }

    /** One step of one row of one layer and direction: (1, In) x (In, G·H) + (1, H) x (H, G·H). */
    private static long recurrence(long g, long h, long in) {
        return mm(1, in + h, g * h);
    }

    private static long mm(long m, long k, long n) {
        return Math.multiplyExact(Math.multiplyExact(2 * m, k), n);
    }

    /** The sizes as longs, so that products of them do not overflow an int. */
    private static final class Sizes {
        final long b;
        final long s;
        final long t;
        final long e;
        final long h;
        final long m;
        final long l;
        final long d;
        final long v;
        final long a;
        final long g;
        final long sourceTokens;

        Sizes(Seq2SeqConfig config, BatchShape batch) {
            b = batch.batchSize();
            s = batch.sourceSteps();
            t = batch.targetSteps();
            e = config.embeddingSize();
            h = config.hiddenSize();
            m = config.memorySize();
            l = config.recurrent().layers();
            d = config.recurrent().bidirectional() ? 2 : 1;
            v = config.targetVocabularySize();
            a = config.recurrent().attentionSize();
            g = gates(config.recurrent().cell());
            sourceTokens = batch.sourceTokens();
        }
    }
}
