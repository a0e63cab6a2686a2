package dev.seq2seq.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;

/**
 * Measures how the gradient of a loss at the last step reaches earlier hidden states of a recurrent
 * cell: {@code ||∂L/∂h_t||} against the distance {@code T - t} (Bengio et al. 1994; Pascanu et al.
 * 2013). A plain RNN's gradient shrinks (or, with large weights, grows) geometrically with
 * distance; the gates of LSTM and GRU keep it alive longer.
 *
 * <p>The cell runs one step at a time on random inputs, and a zero "probe" tensor {@code z_t} is
 * added to each hidden state, {@code h_t' = h_t + z_t}; then {@code ∂L/∂z_t = ∂L/∂h_t} exactly. The
 * loss is {@code L = <w, h_T>} for a fixed random unit vector w.
 */
public final class GradientFlow {

    private GradientFlow() {}

    /**
     * Measures gradient norms for one cell, averaged over a batch of random sequences.
     *
     * @param cell the cell
     * @param hiddenSize H (the input size is H too)
     * @param steps T, the sequence length
     * @param batchSize how many random sequences to average over
     * @param weightScale a factor applied to every weight after Xavier initialisation (1 for none;
     *     larger values show exploding gradients)
     * @param gateBias a value added to the bias of the gate that keeps the state: the LSTM's forget
     *     gate, the GRU's update gate (0 for none, as initialised; a plain RNN has no such gate and
     *     ignores it)
     * @param seed the random seed
     * @return the mean norm by distance: element d is {@code ||∂L/∂h_{T-d}||}, d = 0..T-1
     * @throws IllegalArgumentException if a size is not positive
     */
    public static double[] norms(
            CellType cell,
            int hiddenSize,
            int steps,
            int batchSize,
            float weightScale,
            float gateBias,
            long seed) {
        if (hiddenSize < 1 || steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException(
                    "sizes must be positive: H="
                            + hiddenSize
                            + ", T="
                            + steps
                            + ", B="
                            + batchSize);
        }
        Engine.getInstance().setRandomSeed(Math.toIntExact(seed));
        try (NDManager manager = NDManager.newBaseManager()) {
            RecurrentBlock rnn = cell.create(hiddenSize, 1, false, 0f);
            rnn.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            rnn.initialize(manager, DataType.FLOAT32, new Shape(batchSize, 1, hiddenSize));
            for (Pair<String, Parameter> p : rnn.getParameters()) {
                NDArray array = p.getValue().getArray();
                array.muli(weightScale);
                if (cell != CellType.RNN && p.getKey().endsWith("i2h_BIAS")) {
                    // PyTorch gate order: LSTM (i, f, g, o), GRU (r, z, n): the second block
                    array.set(new NDIndex("{}:{}", hiddenSize, 2 * hiddenSize), gateBias);
                }
            }
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray inputs =
                    manager.randomNormal(new Shape(batchSize, steps, hiddenSize)); // (B, T, H)
            NDArray w = manager.randomNormal(new Shape(hiddenSize));
            w = w.div(w.norm()); // (H)
            NDArray[] probes = new NDArray[steps];
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.zeroGradients();
                NDList state = new NDList();
                for (int k = 0; k < cell.stateArrays(); k++) {
                    state.add(manager.zeros(new Shape(1, batchSize, hiddenSize)));
                }
                NDArray h = null;
                for (int t = 0; t < steps; t++) {
                    NDList in = new NDList(inputs.get(":, {}:{}, :", t, t + 1)); // (B, 1, H)
                    in.addAll(state);
                    NDList out = rnn.forward(ps, in, true);
                    probes[t] = manager.zeros(new Shape(1, batchSize, hiddenSize));
                    probes[t].setRequiresGradient(true);
                    h = out.get(1).add(probes[t]); // (1, B, H)
                    state = new NDList(h);
                    for (int k = 2; k < out.size(); k++) {
                        state.add(out.get(k)); // LSTM cell state
                    }
                }
                NDArray loss = h.squeeze(0).matMul(w).sum(); // ()
                collector.backward(loss);
            }
            double[] byDistance = new double[steps];
            for (int t = 0; t < steps; t++) {
                NDArray grad = probes[t].getGradient().squeeze(0); // (B, H)
                byDistance[steps - 1 - t] = grad.norm(new int[] {1}).mean().getFloat();
            }
            return byDistance;
        }
    }
}
