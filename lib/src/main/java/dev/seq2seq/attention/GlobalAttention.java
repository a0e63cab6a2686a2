package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.Preconditions;

/**
 * Global (soft) attention: every query step attends to every valid memory position, as in the
 * global attention of Luong et al. (2015), "Effective Approaches to Attention-based Neural Machine
 * Translation", eq. (7), and the soft alignment of Bahdanau et al. (2015), "Neural Machine
 * Translation by Jointly Learning to Align and Translate", eq. (5)-(6):
 *
 * <pre>
 *   a_t(s) = exp(score(q_t, m_s)) / sum_{j &lt; L_b} exp(score(q_t, m_j))   for s &lt; L_b, else 0
 *   c_t    = sum_s a_t(s) m_s
 * </pre>
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, Hq: query size, Hk: memory size): input
 * {@code NDList(query (B, T, Hq), memory (B, S, Hk), memoryLengths (B))}, output {@code
 * NDList(context (B, T, Hk), weights (B, T, S))}; see {@link AttentionBlock}.
 *
 * <pre>{@code
 * GlobalAttention attention =
 *         GlobalAttention.builder()
 *                 .setScore(AdditiveScore.builder().setAttentionSize(128).build())
 *                 .build();
 * }</pre>
 */
public final class GlobalAttention extends AttentionBlock {

    private static final byte VERSION = 1;

    private GlobalAttention(Builder builder) {
        super(VERSION, builder.score);
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList attendPrepared(
            ParameterStore parameterStore,
            NDArray query,
            AttentionMemory memory,
            boolean training) {
        NDArray scores = scores(parameterStore, query, memory.keys(), training); // (B, T, S)
        NDArray weights = MaskedSoftmax.softmaxWithBias(scores, memory.paddingBias()); // (B, T, S)
        NDArray context = weights.matMul(memory.values()); // (B, T, S) x (B, S, Hk) = (B, T, Hk)
        return new NDList(context, weights);
    }

    /** Builds a {@link GlobalAttention}. */
    public static final class Builder {

        private AttentionScore score;

        private Builder() {}

        /**
         * Sets the scoring function (required), e.g. {@code AttentionScore.create(type, size)}.
         *
         * @param score the score block; the attention block owns it as a child
         * @return this builder
         */
        public Builder setScore(AttentionScore score) {
            this.score = score;
            return this;
        }

        /**
         * Builds the attention block.
         *
         * @return the block
         * @throws IllegalArgumentException if no score was set
         */
        public GlobalAttention build() {
            Preconditions.checkArgument(score != null, "GlobalAttention needs setScore(score)");
            return new GlobalAttention(this);
        }
    }
}
