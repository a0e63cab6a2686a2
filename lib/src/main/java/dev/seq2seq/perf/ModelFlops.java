package dev.seq2seq.perf;

import dev.seq2seq.nn.BatchShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The floating-point operations of one or more training steps, per block of the model, forward and
 * backward, as {@link FlopCount} counts them; add the counts of several batches with {@link #plus}.
 * Immutable.
 *
 * <p>It also keeps the batches' token and padding counts, so that FLOPs can be given per real
 * target token (the tokens the loss counts, padding excluded).
 */
public final class ModelFlops {

    /**
     * The blocks of a model whose FLOPs are counted separately: the first seven are the recurrent
     * model's, the Transformer uses EMBEDDING, the four Transformer blocks and OUTPUT_PROJECTION.
     */
    public enum Block {
        /** Source and target embeddings: a gather forward, a scatter-add backward. */
        EMBEDDING,
        /** The recurrent encoder, all layers and directions. */
        ENCODER,
        /** The map from the encoder's final state to the decoder's initial state. */
        BRIDGE,
        /** Scores, position predictor (local-p) and context vectors. */
        ATTENTION,
        /** The decoder's recurrent network. */
        DECODER_CELL,
        /** Bahdanau's deep-output readout or Luong's combination W_c; none in the plain decoder. */
        READOUT,
        /** The (F, V) output layer (the Transformer's: (D, V), or the shared embedding). */
        OUTPUT_PROJECTION,
        /** Transformer: the encoder's multi-head self-attention, projections included. */
        ENCODER_SELF_ATTENTION,
        /** Transformer: the decoder's masked multi-head self-attention, projections included. */
        DECODER_SELF_ATTENTION,
        /**
         * Transformer: encoder-decoder attention, the memory's key and value projections included.
         */
        CROSS_ATTENTION,
        /** Transformer: the position-wise feed-forward networks of encoder and decoder. */
        FEED_FORWARD;

        /**
         * Returns the block's name in lower case with spaces, for tables.
         *
         * @return e.g. {@code "decoder cell"}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * The FLOPs of one block.
     *
     * @param block the block
     * @param forward FLOPs of the forward pass
     * @param backward FLOPs of the backward pass
     */
    public record BlockFlops(Block block, long forward, long backward) {
        /**
         * Returns forward plus backward.
         *
         * @return the total FLOPs
         */
        public long total() {
            return forward + backward;
        }
    }

    /** No batch at all: the start of a sum. */
    public static final ModelFlops ZERO =
            new ModelFlops(
                    new long[Block.values().length],
                    new long[Block.values().length],
                    0,
                    0,
                    0,
                    0,
                    0,
                    0);

    private final long[] forward;
    private final long[] backward;
    private final long batches;
    private final long sentences;
    private final long sourceTokens;
    private final long targetTokens;
    private final long sourcePositions;
    private final long targetPositions;

    private ModelFlops(
            long[] forward,
            long[] backward,
            long batches,
            long sentences,
            long sourceTokens,
            long targetTokens,
            long sourcePositions,
            long targetPositions) {
        this.forward = forward;
        this.backward = backward;
        this.batches = batches;
        this.sentences = sentences;
        this.sourceTokens = sourceTokens;
        this.targetTokens = targetTokens;
        this.sourcePositions = sourcePositions;
        this.targetPositions = targetPositions;
    }

    /**
     * Creates the counts of one batch.
     *
     * @param batch the batch's shape
     * @param forward forward FLOPs, indexed by {@link Block#ordinal()}
     * @param backward backward FLOPs, indexed likewise
     * @return the counts
     */
    static ModelFlops of(BatchShape batch, long[] forward, long[] backward) {
        return new ModelFlops(
                forward.clone(),
                backward.clone(),
                1,
                batch.batchSize(),
                batch.sourceTokens(),
                batch.targetTokens(),
                (long) batch.batchSize() * batch.sourceSteps(),
                (long) batch.batchSize() * batch.targetSteps());
    }

    /**
     * Returns the sum of these counts and {@code other}'s.
     *
     * @param other the counts to add
     * @return the sum
     * @throws ArithmeticException if a count overflows a long
     */
    public ModelFlops plus(ModelFlops other) {
        long[] f = new long[forward.length];
        long[] b = new long[backward.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.addExact(forward[i], other.forward[i]);
            b[i] = Math.addExact(backward[i], other.backward[i]);
        }
        return new ModelFlops(
                f,
                b,
                batches + other.batches,
                sentences + other.sentences,
                sourceTokens + other.sourceTokens,
                targetTokens + other.targetTokens,
                sourcePositions + other.sourcePositions,
                targetPositions + other.targetPositions);
    }

    /**
     * Returns the counts of one block.
     *
     * @param block the block
     * @return its forward and backward FLOPs
     */
    public BlockFlops block(Block block) {
        return new BlockFlops(block, forward[block.ordinal()], backward[block.ordinal()]);
    }

    /**
     * Returns the counts of every block, in the order of {@link Block}.
     *
     * @return one entry per block, zeros included
     */
    public List<BlockFlops> blocks() {
        List<BlockFlops> list = new ArrayList<>();
        for (Block block : Block.values()) {
            list.add(block(block));
        }
        return List.copyOf(list);
    }

    /**
     * Returns the forward FLOPs of all blocks.
     *
     * @return the sum
     */
    public long forward() {
        return sum(forward);
    }

    /**
     * Returns the backward FLOPs of all blocks.
     *
     * @return the sum
     */
    public long backward() {
        return sum(backward);
    }

    /**
     * Returns forward plus backward FLOPs of all blocks.
     *
     * @return the sum
     */
    public long total() {
        return forward() + backward();
    }

    /**
     * Returns a block's share of all FLOPs, forward and backward.
     *
     * @param block the block
     * @return in [0, 1]; NaN when nothing was counted
     */
    public double share(Block block) {
        long total = total();
        return total == 0 ? Double.NaN : (double) block(block).total() / total;
    }

    /**
     * Returns FLOPs per real target token.
     *
     * @param flops a count of these batches, e.g. {@link #total()} or a block's forward
     * @return {@code flops / targetTokens()}; NaN when there are no tokens
     */
    public double perTargetToken(long flops) {
        return targetTokens == 0 ? Double.NaN : (double) flops / targetTokens;
    }

    /**
     * Returns the number of batches counted.
     *
     * @return the number of batches
     */
    public long batches() {
        return batches;
    }

    /**
     * Returns the number of sentence pairs, the sum of B.
     *
     * @return the number of sentences
     */
    public long sentences() {
        return sentences;
    }

    /**
     * Returns the real source tokens ({@code <eos>} included), padding excluded.
     *
     * @return the number of source tokens
     */
    public long sourceTokens() {
        return sourceTokens;
    }

    /**
     * Returns the real target tokens, the tokens the loss counts, padding excluded.
     *
     * @return the number of target tokens
     */
    public long targetTokens() {
        return targetTokens;
    }

    /**
     * Returns the padded source positions, the sum of B·S.
     *
     * @return the number of source positions
     */
    public long sourcePositions() {
        return sourcePositions;
    }

    /**
     * Returns the padded target positions, the sum of B·T: what the decoder runs over.
     *
     * @return the number of target positions
     */
    public long targetPositions() {
        return targetPositions;
    }

    /**
     * Returns the mean batch: mean B, and mean padded S and T per sentence, rounded; the shape to
     * measure the engine's speed on when many batches of different shapes were counted.
     *
     * @return the mean shape, padding kept in proportion
     * @throws IllegalStateException if no batch was counted
     */
    public BatchShape meanBatch() {
        if (batches == 0) {
            throw new IllegalStateException("no batch counted");
        }
        int b = Math.max(1, (int) Math.round((double) sentences / batches));
        int s = Math.max(1, (int) Math.round((double) sourcePositions / sentences));
        int t = Math.max(1, (int) Math.round((double) targetPositions / sentences));
        long source = Math.round((double) b * s * sourceTokens / sourcePositions);
        long target = Math.round((double) b * t * targetTokens / targetPositions);
        return new BatchShape(
                b,
                s,
                t,
                Math.min((long) b * s, Math.max(b, source)),
                Math.min((long) b * t, Math.max(b, target)));
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total = Math.addExact(total, v);
        }
        return total;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "ModelFlops[%d batches, %d target tokens, forward %d, backward %d]",
                batches,
                targetTokens,
                forward(),
                backward());
    }
}
