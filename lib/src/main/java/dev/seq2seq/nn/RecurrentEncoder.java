package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Embeds the source tokens and reads them with a recurrent network (RNN, GRU or LSTM; stacked;
 * optionally bidirectional), as in Sutskever et al. (2014) and Bahdanau et al. (2015).
 *
 * <p>Input: {@code NDList(source (B, S) int64, sourceLengths (B) int64)}. Output: {@code
 * NDList(memory (B, S, M), h (B, L, M)[, c (B, L, M)])} where M = N_dir·H_enc (N_dir = 2 directions
 * if bidirectional, the two directions concatenated), {@code memory} holds the top layer's output
 * at every step (zero at padded steps) and {@code h}/{@code c} the final state of each layer after
 * the last <em>valid</em> step of each sentence.
 *
 * <p>Padding does not leak in: the rows of a batch are grouped by length and each group runs
 * through DJL's fused recurrent operator truncated to its own length (one fused call per layer,
 * direction and distinct length; length-bucketed batches have few lengths). So the backward
 * direction starts at each sentence's own last token, and the outputs and final states equal those
 * of the sentence run alone.
 *
 * <p>Each layer and direction is its own single-layer DJL block, the backward one reading the
 * reversed sequence: DJL 0.35's bidirectional recurrent blocks hand their parameters to PyTorch in
 * an order PyTorch does not expect, and fail.
 */
public final class RecurrentEncoder extends AbstractBlock {

    private final TokenEmbedding embedding;
    private final Dropout dropout;
    private final List<RecurrentBlock> forward = new ArrayList<>();
    private final List<RecurrentBlock> backward = new ArrayList<>();
    private final CellType cell;
    private final int hiddenSize;
    private final int layers;
    private final int directions;

    /**
     * Creates an encoder.
     *
     * @param vocabularySize V_src
     * @param embeddingSize E
     * @param cell the recurrent cell
     * @param hiddenSize H_enc, per direction
     * @param layers L
     * @param bidirectional whether to read the sentence in both directions
     * @param dropout dropout on the embeddings and between layers, in [0, 1)
     */
    public RecurrentEncoder(
            int vocabularySize,
            int embeddingSize,
            CellType cell,
            int hiddenSize,
            int layers,
            boolean bidirectional,
            float dropout) {
        this.cell = cell;
        this.hiddenSize = hiddenSize;
        this.layers = layers;
        this.directions = bidirectional ? 2 : 1;
        this.embedding =
                addChildBlock("embedding", new TokenEmbedding(vocabularySize, embeddingSize));
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
        for (int layer = 0; layer < layers; layer++) {
            forward.add(addChildBlock("forward" + layer, cell.create(hiddenSize, 1, false, 0f)));
            if (bidirectional) {
                backward.add(
                        addChildBlock("backward" + layer, cell.create(hiddenSize, 1, false, 0f)));
            }
        }
    }

    /**
     * Returns M = N_dir·H_enc, the size of one memory vector.
     *
     * @return the memory size
     */
    public int memorySize() {
        return directions * hiddenSize;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray source = inputs.get(0);
        NDArray lengths = inputs.get(1);
        Shapes.check("source", source, "B, S", Shapes.ANY, Shapes.ANY);
        long b = source.getShape().get(0);
        long s = source.getShape().get(1);
        Shapes.check("sourceLengths", lengths, "B", b);
        NDArray embedded = embedding.forward(ps, new NDList(source), training).head(); // (B, S, E)
        embedded = dropout.forward(ps, new NDList(embedded), training).head();
        long[] hostLengths = lengths.toType(DataType.INT64, false).toLongArray();
        Map<Long, List<Integer>> groups = new TreeMap<>();
        for (int row = 0; row < hostLengths.length; row++) {
            if (hostLengths[row] < 1 || hostLengths[row] > s) {
                throw new IllegalArgumentException(
                        "sourceLengths[" + row + "] = " + hostLengths[row] + " is outside 1.." + s);
            }
            groups.computeIfAbsent(hostLengths[row], k -> new ArrayList<>()).add(row);
        }
        if (groups.size() == 1) {
            return encodeGroup(ps, embedded, s, training);
        }
        NDManager manager = embedded.getManager();
        List<NDList> parts = new ArrayList<>();
        long[] order = new long[(int) b];
        int next = 0;
        for (Map.Entry<Long, List<Integer>> group : groups.entrySet()) {
            long[] rows = group.getValue().stream().mapToLong(Integer::longValue).toArray();
            for (long row : rows) {
                order[next++] = row;
            }
            NDArray x = embedded.get(manager.create(rows)); // (g, S, E)
            parts.add(encodeGroup(ps, x, group.getKey(), training));
        }
        long[] inverse = new long[(int) b];
        for (int i = 0; i < order.length; i++) {
            inverse[(int) order[i]] = i;
        }
        NDArray restore = manager.create(inverse);
        NDList merged = new NDList();
        for (int k = 0; k < parts.get(0).size(); k++) {
            NDList column = new NDList();
            for (NDList part : parts) {
                column.add(part.get(k));
            }
            merged.add(NDArrays.concat(column, 0).get(restore)); // (B, ...)
        }
        return merged;
    }

    /**
     * Encodes rows that all have the same valid length.
     *
     * @param x embedded rows (g, S, E)
     * @param length their valid length
     * @return memory (g, S, M) zero after {@code length}, and final states (g, L, M)
     */
    private NDList encodeGroup(ParameterStore ps, NDArray x, long length, boolean training) {
        long g = x.getShape().get(0);
        long s = x.getShape().get(1);
        NDArray input = length < s ? x.get(":, :{}", length) : x; // (g, l, E)
        List<NDList> finals = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            NDList f = forward.get(layer).forward(ps, new NDList(input), training);
            NDArray out = f.head(); // (g, l, H)
            NDList states = new NDList();
            if (directions == 2) {
                NDList r = backward.get(layer).forward(ps, new NDList(input.flip(1)), training);
                out = out.concat(r.head().flip(1), 2); // (g, l, 2H)
                for (int k = 1; k < f.size(); k++) {
                    states.add(f.get(k).squeeze(0).concat(r.get(k).squeeze(0), 1)); // (g, 2H)
                }
            } else {
                for (int k = 1; k < f.size(); k++) {
                    states.add(f.get(k).squeeze(0)); // (g, H)
                }
            }
            finals.add(states);
            boolean last = layer == layers - 1;
            input = last ? out : dropout.forward(ps, new NDList(out), training).head();
        }
        NDArray memory = input; // (g, l, M)
        if (length < s) {
            Shape pad = new Shape(g, s - length, memorySize());
            memory = memory.concat(memory.getManager().zeros(pad, memory.getDataType()), 1);
        }
        NDList result = new NDList(memory); // (g, S, M)
        for (int k = 0; k < finals.get(0).size(); k++) {
            NDList perLayer = new NDList();
            for (NDList states : finals) {
                perLayer.add(states.get(k));
            }
            result.add(NDArrays.stack(perLayer, 1)); // (g, L, M)
        }
        return result;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long s = inputShapes[0].get(1);
        Shape[] shapes = new Shape[1 + cell.stateArrays()];
        shapes[0] = new Shape(b, s, memorySize());
        for (int i = 1; i < shapes.length; i++) {
            shapes[i] = new Shape(b, layers, memorySize());
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape source = inputShapes[0];
        embedding.initialize(manager, dataType, source);
        Shape embedded = source.add(embedding.embeddingSize());
        dropout.initialize(manager, dataType, embedded);
        for (int layer = 0; layer < layers; layer++) {
            long in = layer == 0 ? embedding.embeddingSize() : memorySize();
            forward.get(layer).initialize(manager, dataType, new Shape(1, 1, in));
            if (directions == 2) {
                backward.get(layer).initialize(manager, dataType, new Shape(1, 1, in));
            }
        }
    }
}
