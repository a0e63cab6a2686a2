package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps the encoder's final state to the decoder's initial state, layer by layer.
 *
 * <p>Input: {@code NDList(h (B, L, M)[, c (B, L, M)])}, the encoder's final states (M =
 * N_dir·H_enc, N_dir directions). Output: {@code NDList(h0 (B, L, H)[, c0 (B, L, H)])}. {@link
 * BridgeType#NONE} gives zeros, {@link BridgeType#COPY} passes the state through (M must equal H),
 * {@link BridgeType#LINEAR} applies {@code tanh(W s + b)} with one learned map per state array, as
 * Bahdanau et al. (2015) initialise their decoder from the encoder.
 */
public final class Bridge extends AbstractBlock {

    private final BridgeType type;
    private final int memorySize;
    private final int hiddenSize;
    private final List<Linear> maps = new ArrayList<>();

    /**
     * Creates a bridge.
     *
     * @param type the kind of bridge
     * @param memorySize M, the size of an encoder state vector
     * @param hiddenSize H, the size of a decoder state vector
     * @param stateArrays 1 for RNN/GRU, 2 for LSTM (h and c)
     * @throws IllegalArgumentException for {@link BridgeType#COPY} when M != H
     */
    public Bridge(BridgeType type, int memorySize, int hiddenSize, int stateArrays) {
        if (type == BridgeType.COPY && memorySize != hiddenSize) {
            throw new IllegalArgumentException(
                    "a COPY bridge needs the encoder state size (directions x hidden = "
                            + memorySize
                            + ") to equal the decoder hidden size ("
                            + hiddenSize
                            + "); use LINEAR");
        }
        this.type = type;
        this.memorySize = memorySize;
        this.hiddenSize = hiddenSize;
        if (type == BridgeType.LINEAR) {
            for (int i = 0; i < stateArrays; i++) {
                maps.add(addChildBlock("map" + i, Linear.builder().setUnits(hiddenSize).build()));
            }
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = new NDList(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            NDArray state = inputs.get(i);
            Shapes.check("encoder state", state, "B, L, M", Shapes.ANY, Shapes.ANY, memorySize);
            Shape shape = state.getShape();
            switch (type) {
                case NONE:
                    out.add(
                            state.getManager()
                                    .zeros(new Shape(shape.get(0), shape.get(1), hiddenSize)));
                    break;
                case COPY:
                    out.add(state);
                    break;
                default:
                    out.add(
                            maps.get(i)
                                    .forward(ps, new NDList(state), training)
                                    .head()
                                    .tanh()); // (B, L, H)
            }
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = new Shape[inputShapes.length];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = new Shape(inputShapes[i].get(0), inputShapes[i].get(1), hiddenSize);
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int i = 0; i < maps.size(); i++) {
            maps.get(i).initialize(manager, dataType, inputShapes[i]);
        }
    }
}
