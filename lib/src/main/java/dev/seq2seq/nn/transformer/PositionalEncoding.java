package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;
import dev.seq2seq.nn.PositionalEncodingType;

/**
 * Adds position information to embedded tokens (Vaswani et al. 2017, section 3.5): {@code x_p +
 * PE_p} for the token at position p.
 *
 * <ul>
 *   <li>Sinusoidal (no parameters, any length): {@code PE(p, 2i) = sin(p / 10000^(2i/D))}, {@code
 *       PE(p, 2i+1) = cos(p / 10000^(2i/D))}. Each pair of dimensions is a rotation at its own
 *       frequency, so {@code PE_{p+k}} is a linear function of {@code PE_p}.
 *   <li>Learned: a (maxPositions, D) table, one trained vector per position (Gehring et al. 2017).
 * </ul>
 *
 * <p>Input of {@code forward}: {@code NDList(x (B, T, D))}, positions 0..T-1. {@link #add} takes a
 * first position, for the decoder's step-by-step search: the token of step t is at position t.
 * Shapes: B batch, T positions, D model size.
 */
public final class PositionalEncoding extends AbstractBlock {

    private static final double BASE = 10000;

    private final PositionalEncodingType type;
    private final int modelSize;
    private final int maxPositions;
    private final Parameter table;

    /**
     * Creates the encoding.
     *
     * @param type sinusoidal or learned
     * @param modelSize D
     * @param maxPositions the positions a learned table has (ignored when sinusoidal)
     * @throws IllegalArgumentException if D or maxPositions is below 1
     */
    public PositionalEncoding(PositionalEncodingType type, int modelSize, int maxPositions) {
        if (modelSize < 1 || maxPositions < 1) {
            throw new IllegalArgumentException(
                    "need D >= 1 and maxPositions >= 1, got " + modelSize + ", " + maxPositions);
        }
        this.type = type;
        this.modelSize = modelSize;
        this.maxPositions = maxPositions;
        this.table =
                type == PositionalEncodingType.LEARNED
                        ? addParameter(
                                Parameter.builder()
                                        .setName("positions")
                                        .setType(Parameter.Type.WEIGHT)
                                        .optShape(new Shape(maxPositions, modelSize))
                                        .build())
                        : null;
    }

    /**
     * Returns the sinusoidal encoding of positions {@code first .. first + length - 1}, computed in
     * double precision and rounded to float32.
     *
     * @param manager the manager of the result
     * @param first the first position
     * @param length the number of positions T
     * @param modelSize D
     * @return PE (T, D)
     */
    public static NDArray sinusoid(NDManager manager, long first, long length, int modelSize) {
        float[] values = new float[(int) (length * modelSize)];
        for (int p = 0; p < length; p++) {
            for (int i = 0; i < modelSize; i++) {
                double angle = (first + p) / Math.pow(BASE, (double) (i - i % 2) / modelSize);
                values[p * modelSize + i] =
                        (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return manager.create(values, new Shape(length, modelSize)); // (T, D)
    }

    /**
     * Adds the encoding of positions {@code first .. first + T - 1}.
     *
     * @param ps the parameter store
     * @param x embedded tokens (B, T, D)
     * @param first the position of the first token
     * @param training whether in training mode
     * @return x + PE (B, T, D)
     * @throws IllegalArgumentException if x is not (B, T, D), or a learned table has no vector for
     *     position {@code first + T - 1}
     */
    public NDArray add(ParameterStore ps, NDArray x, long first, boolean training) {
        Shapes.check("x", x, "B, T, D", Shapes.ANY, Shapes.ANY, modelSize);
        long t = x.getShape().get(1);
        NDArray pe;
        if (type == PositionalEncodingType.SINUSOIDAL) {
            pe = sinusoid(x.getManager(), first, t, modelSize).toType(x.getDataType(), false);
        } else {
            if (first + t > maxPositions) {
                throw new IllegalArgumentException(
                        "learned positional encoding: position "
                                + (first + t - 1)
                                + " is beyond its "
                                + maxPositions
                                + " positions (maxPositions)");
            }
            NDArray all = ps.getValue(table, x.getDevice(), training); // (maxPositions, D)
            pe = all.get("{}:{}", first, first + t); // (T, D)
        }
        return x.add(pe.expandDims(0)); // (B, T, D)
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(add(ps, inputs.head(), 0, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children; the learned table's shape is fixed in the constructor
    }
}
