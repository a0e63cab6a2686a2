package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;

import java.util.List;

/**
 * A scoring function of attention: how well each query step matches each key.
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, Hq: query size, Hk: key size): the forward
 * input is {@code NDList(query (B, T, Hq), keys (B, S, Hk))}, the output is {@code NDList(scores
 * (B, T, S))}. Scores are unnormalised; {@link MaskedSoftmax} turns them into weights. Learned
 * scores must be initialized with the two input shapes, e.g. {@code score.initialize(manager,
 * DataType.FLOAT32, new Shape(B, T, Hq), new Shape(B, S, Hk))}; later inputs may have any B, T and
 * S but the same Hq and Hk.
 *
 * <p>The subclasses follow Luong et al. (2015), "Effective Approaches to Attention-based Neural
 * Machine Translation" (dot, general, concat), Bahdanau et al. (2015), "Neural Machine Translation
 * by Jointly Learning to Align and Translate" (additive), and Vaswani et al. (2017), "Attention Is
 * All You Need" (the scaled dot, an option of the dot score), plus a cosine score with a
 * temperature.
 *
 * <p>A decoder scores the same keys at every step. What a score computes from the keys alone (the
 * additive score's key projection {@code W_k h_s}) is done once per source by {@link #prepareKeys};
 * each step then calls {@link #scorePrepared} with the prepared keys (B, S, K). The block's own
 * forward does both, so {@code forward(query, keys)} and {@code scorePrepared(query,
 * prepareKeys(keys))} give the same scores.
 */
public abstract class AttentionScore extends AbstractBlock {

    /** Which query and key sizes a score accepts, checked before every {@link #score}. */
    protected enum SizeCheck {
        /** Hq = Hk, for scores that take a dot product of query and key (dot, cosine). */
        EQUAL,
        /** Hq and Hk as the score was initialized with, for learned scores (general, concat). */
        AS_INITIALIZED
    }

    private final SizeCheck sizeCheck;

    /**
     * Creates a scoring block with the given serialization version.
     *
     * @param version the version of the block's saved parameters
     * @param sizeCheck which query and key sizes {@link #checkSizes} accepts
     */
    protected AttentionScore(byte version, SizeCheck sizeCheck) {
        super(version);
        this.sizeCheck = sizeCheck;
        inputNames = List.of("query", "keys");
    }

    /**
     * Creates a score of the given type with default options, so that a configuration can name it.
     *
     * @param type the kind of score
     * @param attentionSize the attention hidden size A, used by {@link ScoreType#CONCAT} and {@link
     *     ScoreType#ADDITIVE} only
     * @return a new, uninitialized score block
     * @throws IllegalArgumentException if the type needs {@code attentionSize} and it is not
     *     positive
     */
    public static AttentionScore create(ScoreType type, int attentionSize) {
        return switch (type) {
            case DOT -> DotScore.builder().build();
            case SCALED_DOT -> DotScore.builder().optScaled(true).build();
            case GENERAL -> GeneralScore.builder().build();
            case CONCAT -> ConcatScore.builder().setAttentionSize(attentionSize).build();
            case ADDITIVE -> AdditiveScore.builder().setAttentionSize(attentionSize).build();
            case COSINE -> CosineScore.builder().build();
        };
    }

    /**
     * Computes, once per source, what the score needs from the keys alone. The default returns the
     * keys unchanged (K = Hk); the additive score projects them (K = A).
     *
     * @param parameterStore the parameter store
     * @param keys the keys (B, S, Hk)
     * @param training whether this is a training pass
     * @return the prepared keys (B, S, K)
     * @throws IllegalArgumentException if the keys are not of rank 3
     */
    public NDArray prepareKeys(ParameterStore parameterStore, NDArray keys, boolean training) {
        Shapes.check("keys", keys, "B, S, Hk", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        return keys;
    }

    /**
     * Scores queries against keys prepared by {@link #prepareKeys}; a decoder calls this at every
     * step.
     *
     * @param parameterStore the parameter store
     * @param query the query (B, T, Hq)
     * @param preparedKeys the prepared keys (B, S, K)
     * @param training whether this is a training pass
     * @return the scores (B, T, S)
     * @throws IllegalArgumentException if a shape is wrong (expected vs actual in the message)
     */
    public final NDArray scorePrepared(
            ParameterStore parameterStore, NDArray query, NDArray preparedKeys, boolean training) {
        Shapes.check("query", query, "B, T, Hq", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        Shapes.check(
                "preparedKeys",
                preparedKeys,
                "B, S, K",
                query.getShape().get(0),
                Shapes.ANY,
                Shapes.ANY);
        checkSizes(query.getShape().get(2), preparedKeys.getShape().get(2));
        return score(parameterStore, query, preparedKeys, training);
    }

    /**
     * Computes the scores after the inputs have been checked.
     *
     * @param parameterStore the parameter store
     * @param query the query (B, T, Hq)
     * @param preparedKeys the keys as {@link #prepareKeys} returned them (B, S, K)
     * @param training whether this is a training pass
     * @return the scores (B, T, S)
     */
    protected abstract NDArray score(
            ParameterStore parameterStore, NDArray query, NDArray keys, boolean training);

    /**
     * Checks the query size and the prepared key size before {@link #score}, by the {@link
     * SizeCheck} the score was created with. For every score but the additive one the prepared keys
     * are the keys, so K = Hk; the additive score overrides this.
     *
     * @param querySize Hq
     * @param keySize K, the size of the prepared keys
     * @throws IllegalArgumentException if the sizes do not suit this score
     * @throws IllegalStateException if a learned score is not initialized
     */
    protected void checkSizes(long querySize, long keySize) {
        switch (sizeCheck) {
            case EQUAL -> checkEqualSizes(querySize, keySize);
            case AS_INITIALIZED -> checkInitializedSizes(querySize, keySize);
        }
    }

    /**
     * Returns the key size Hk this score was initialized with.
     *
     * @return Hk
     * @throws IllegalStateException if the score is not initialized
     */
    protected final long initializedKeySize() {
        if (inputShapes == null) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + " must be initialized before forward");
        }
        return inputShapes[1].get(2);
    }

    /**
     * Checks that Hq and Hk equal the sizes this block was initialized with.
     *
     * @param querySize Hq
     * @param keySize Hk
     * @throws IllegalArgumentException if they differ
     * @throws IllegalStateException if the block is not initialized
     */
    protected final void checkInitializedSizes(long querySize, long keySize) {
        if (inputShapes == null) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + " must be initialized before forward");
        }
        long hq = inputShapes[0].get(2);
        long hk = inputShapes[1].get(2);
        if (querySize != hq || keySize != hk) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: expected (Hq, Hk) = (%d, %d) as initialized, got (%d, %d)",
                            getClass().getSimpleName(), hq, hk, querySize, keySize));
        }
    }

    private void checkEqualSizes(long querySize, long keySize) {
        if (querySize != keySize) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s needs query size Hq = key size Hk, got Hq = %d, Hk = %d",
                            getClass().getSimpleName(), querySize, keySize));
        }
    }

    /**
     * Applies a child {@link Linear} layer to one array, as the learned scores do.
     *
     * @param linear the layer
     * @param parameterStore the parameter store
     * @param x the input (..., in)
     * @param training whether this is a training pass
     * @return the output (..., units)
     */
    protected static NDArray applyLinear(
            Linear linear, ParameterStore parameterStore, NDArray x, boolean training) {
        return linear.forward(parameterStore, new NDList(x), training).singletonOrThrow();
    }

    /**
     * Checks the inputs, then scores them: {@code scorePrepared(query, prepareKeys(keys))}.
     *
     * @throws IllegalArgumentException if the inputs are not (B, T, Hq) and (B, S, Hk), or if their
     *     sizes do not suit this score
     */
    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        checkInputCount(inputs.size());
        NDArray query = inputs.get(0);
        Shapes.check("query", query, "B, T, Hq", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        NDArray keys = inputs.get(1);
        Shapes.check("keys", keys, "B, S, Hk", query.getShape().get(0), Shapes.ANY, Shapes.ANY);
        return new NDList(
                scorePrepared(
                        parameterStore,
                        query,
                        prepareKeys(parameterStore, keys, training),
                        training));
    }

    /**
     * Returns the score shape.
     *
     * @param inputShapes the query shape (B, T, Hq) and the key shape (B, S, Hk)
     * @return the score shape (B, T, S)
     */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInputCount(inputShapes.length);
        Shape query = inputShapes[0];
        Shape keys = inputShapes[1];
        return new Shape[] {new Shape(query.get(0), query.get(1), keys.get(1))}; // (B, T, S)
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        checkInputCount(inputShapes.length);
        if (inputShapes[0].dimension() != 3 || inputShapes[1].dimension() != 3) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: expected shapes (B, T, Hq) and (B, S, Hk), got %s and %s",
                            getClass().getSimpleName(), inputShapes[0], inputShapes[1]));
        }
        super.beforeInitialize(inputShapes);
    }

    private void checkInputCount(int count) {
        if (count != 2) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName()
                            + ": expected 2 inputs (query (B, T, Hq), keys (B, S, Hk)), got "
                            + count);
        }
    }
}
