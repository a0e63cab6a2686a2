package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * The general (bilinear) score of Luong et al. (2015), "Effective Approaches to Attention-based
 * Neural Machine Translation", eq. (8) "general":
 *
 * <pre>
 *   score(q_t, k_s) = q_t^T W k_s,   W learned, (Hq, Hk)
 * </pre>
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, Hq: query size, Hk: key size): query (B, T,
 * Hq), keys (B, S, Hk), scores (B, T, S). W takes its shape from the input shapes given to {@code
 * initialize}; the query and key sizes may differ.
 */
public final class GeneralScore extends AttentionScore {

    private static final byte VERSION = 1;

    private final Parameter weight;

    private GeneralScore() {
        super(VERSION, SizeCheck.AS_INITIALIZED);
        weight =
                addParameter(
                        Parameter.builder()
                                .setName("weight")
                                .setType(Parameter.Type.WEIGHT)
                                .build());
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
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(inputShapes[0].get(2), inputShapes[1].get(2))); // (Hq, Hk)
    }

    /** {@inheritDoc} */
    @Override
    protected NDArray score(
            ParameterStore parameterStore, NDArray query, NDArray keys, boolean training) {
        NDArray w = parameterStore.getValue(weight, query.getDevice(), training); // (Hq, Hk)
        NDArray projected = query.matMul(w); // (B, T, Hq) x (Hq, Hk) = (B, T, Hk)
        return projected.matMul(keys.transpose(0, 2, 1)); // (B, T, Hk) x (B, Hk, S) = (B, T, S)
    }

    /** Builds a {@link GeneralScore}; W's shape comes from initialization, so it has no options. */
    public static final class Builder {

        private Builder() {}

        /**
         * Builds the score.
         *
         * @return the score block
         */
        public GeneralScore build() {
            return new GeneralScore();
        }
    }
}
