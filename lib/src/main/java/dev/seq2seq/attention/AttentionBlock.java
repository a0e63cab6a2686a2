package dev.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;

import java.util.List;

/**
 * An attention block: from a query, a memory and the memory lengths to a context vector and the
 * attention weights. Subclasses decide which positions each query step may attend to.
 *
 * <p>Shapes (B: batch, T: query steps, S: source steps, Hq: query size, Hk: memory size):
 *
 * <ul>
 *   <li>input {@code NDList(query (B, T, Hq), memory (B, S, Hk), memoryLengths (B) int64)}, each
 *       length in [1, S]; positions s &gt;= length are padding and may hold any finite values;
 *   <li>output {@code NDList(context (B, T, Hk), weights (B, T, S))}: each row of weights sums to 1
 *       and is exactly 0 at padding, and context = weights &middot; memory.
 * </ul>
 *
 * <p>The memory is both keys and values. Initialize with the three input shapes, e.g. {@code
 * attention.initialize(manager, DataType.FLOAT32, new Shape(B, 1, Hq), new Shape(B, S, Hk), new
 * Shape(B))}; later inputs may have any B, T and S. For one decoding step use {@link #step}.
 *
 * <p>A decoder attends to the same memory at every step: it calls {@link #prepare} once per source
 * (the score's key projection, see {@link AttentionScore#prepareKeys}, the length checks and the
 * padding mask) and then {@link #attend} at each step with the {@link AttentionMemory}, so nothing
 * that depends only on the source is computed again per step. {@code forward} does both at once.
 */
public abstract class AttentionBlock extends AbstractBlock {

    private final AttentionScore score;

    /**
     * Creates an attention block around a scoring function.
     *
     * @param version the version of the block's saved parameters
     * @param score the scoring function, added as the child block {@code "score"}
     */
    protected AttentionBlock(byte version, AttentionScore score) {
        super(version);
        this.score = addChildBlock("score", score);
        inputNames = List.of("query", "memory", "memoryLengths");
    }

    /**
     * Returns the scoring function.
     *
     * @return the score block
     */
    public AttentionScore getScore() {
        return score;
    }

    /**
     * Attends for a single decoding step (T = 1).
     *
     * @param parameterStore the parameter store
     * @param query the decoder state (B, Hq)
     * @param memory the memory (B, S, Hk)
     * @param memoryLengths the valid lengths (B), int64
     * @param training whether this is a training pass
     * @return {@code NDList(context (B, Hk), weights (B, S))}
     * @throws IllegalArgumentException if a shape is wrong or a length is outside [1, S]
     */
    public NDList step(
            ParameterStore parameterStore,
            NDArray query,
            NDArray memory,
            NDArray memoryLengths,
            boolean training) {
        Shapes.check("query", query, "B, Hq", Shapes.ANY, Shapes.ANY);
        NDList inputs = new NDList(query.expandDims(1), memory, memoryLengths); // (B, 1, Hq)
        NDList outputs = forward(parameterStore, inputs, training);
        NDArray context = outputs.get(0).squeeze(1); // (B, Hk)
        NDArray weights = outputs.get(1).squeeze(1); // (B, S)
        return new NDList(context, weights);
    }

    /**
     * Prepares the memory once per source: the score's keys ({@link AttentionScore#prepareKeys}),
     * the checked lengths and the padding bias.
     *
     * @param parameterStore the parameter store
     * @param memory the memory (B, S, Hk)
     * @param memoryLengths the valid lengths (B), int64, each in [1, S]
     * @param training whether this is a training pass
     * @return the prepared memory for {@link #attend}
     * @throws IllegalArgumentException if a shape is wrong (expected vs actual in the message), a
     *     length is outside [1, S], or Hk is not the initialized size
     */
    public AttentionMemory prepare(
            ParameterStore parameterStore,
            NDArray memory,
            NDArray memoryLengths,
            boolean training) {
        Shapes.check("memory", memory, "B, S, Hk", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        long s = memory.getShape().get(1);
        Shapes.check("memoryLengths", memoryLengths, "B", memory.getShape().get(0));
        NDArray bias =
                MaskedSoftmax.paddingBias(memoryLengths, s, memory.getDataType()); // (B, 1, S)
        NDArray keys = score.prepareKeys(parameterStore, memory, training); // (B, S, K)
        return new AttentionMemory(memory, keys, memoryLengths, bias);
    }

    /**
     * Attends to a prepared memory: the same context and weights as {@code forward(query, memory,
     * memoryLengths)}, without redoing per step what depends on the source alone.
     *
     * @param parameterStore the parameter store
     * @param query the query (B, T, Hq)
     * @param memory the memory from {@link #prepare}
     * @param training whether this is a training pass
     * @return {@code NDList(context (B, T, Hk), weights (B, T, S))}
     * @throws IllegalArgumentException if the query is not (B, T, Hq) with the memory's B
     */
    public final NDList attend(
            ParameterStore parameterStore,
            NDArray query,
            AttentionMemory memory,
            boolean training) {
        Shapes.check("query", query, "B, T, Hq", memory.batchSize(), Shapes.ANY, Shapes.ANY);
        return attendPrepared(parameterStore, query, memory, training);
    }

    /**
     * Computes the context and weights after the inputs have been checked.
     *
     * @param parameterStore the parameter store
     * @param query the query (B, T, Hq)
     * @param memory the prepared memory
     * @param training whether this is a training pass
     * @return {@code NDList(context (B, T, Hk), weights (B, T, S))}
     */
    protected abstract NDList attendPrepared(
            ParameterStore parameterStore, NDArray query, AttentionMemory memory, boolean training);

    /**
     * Scores the query against the prepared keys with the scoring function.
     *
     * @param parameterStore the parameter store
     * @param query the query (B, T, Hq)
     * @param preparedKeys the prepared keys (B, S, K)
     * @param training whether this is a training pass
     * @return the scores (B, T, S)
     */
    protected final NDArray scores(
            ParameterStore parameterStore, NDArray query, NDArray preparedKeys, boolean training) {
        return score.scorePrepared(parameterStore, query, preparedKeys, training);
    }

    /**
     * Checks the inputs, then attends.
     *
     * @throws IllegalArgumentException if the inputs are not (B, T, Hq), (B, S, Hk) and (B), or a
     *     length is outside [1, S]
     */
    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        checkInputCount(inputs.size());
        NDArray query = inputs.get(0);
        NDArray memory = inputs.get(1);
        NDArray lengths = inputs.get(2);
        Shapes.check("query", query, "B, T, Hq", Shapes.ANY, Shapes.ANY, Shapes.ANY);
        long b = query.getShape().get(0);
        Shapes.check("memory", memory, "B, S, Hk", b, Shapes.ANY, Shapes.ANY);
        Shapes.check("memoryLengths", lengths, "B", b);
        return attendPrepared(
                parameterStore,
                query,
                prepare(parameterStore, memory, lengths, training),
                training);
    }

    /**
     * Returns the output shapes.
     *
     * @param inputShapes (B, T, Hq), (B, S, Hk) and (B)
     * @return the context shape (B, T, Hk) and the weight shape (B, T, S)
     */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInputCount(inputShapes.length);
        Shape query = inputShapes[0];
        Shape memory = inputShapes[1];
        return new Shape[] {
            new Shape(query.get(0), query.get(1), memory.get(2)), // (B, T, Hk)
            new Shape(query.get(0), query.get(1), memory.get(1)) // (B, T, S)
        };
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        checkInputCount(inputShapes.length);
        if (inputShapes[0].dimension() != 3
                || inputShapes[1].dimension() != 3
                || inputShapes[2].dimension() != 1) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: expected shapes (B, T, Hq), (B, S, Hk) and (B), got %s, %s and %s",
                            getClass().getSimpleName(),
                            inputShapes[0],
                            inputShapes[1],
                            inputShapes[2]));
        }
        super.beforeInitialize(inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        score.initialize(manager, dataType, inputShapes[0], inputShapes[1]);
    }

    private void checkInputCount(int count) {
        if (count != 3) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName()
                            + ": expected 3 inputs (query (B, T, Hq), memory (B, S, Hk),"
                            + " memoryLengths (B)), got "
                            + count);
        }
    }
}
