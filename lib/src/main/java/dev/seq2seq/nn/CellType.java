package dev.seq2seq.nn;

import ai.djl.nn.recurrent.RecurrentBlock;

/**
 * The recurrent cell of an encoder or decoder, created as DJL's fused recurrent blocks (batch
 * first, returning their final state).
 *
 * <ul>
 *   <li>{@link #RNN}: Elman's cell, {@code h_t = tanh(W x_t + U h_{t-1} + b)};
 *   <li>{@link #GRU}: the gated recurrent unit of Cho et al. (2014);
 *   <li>{@link #LSTM}: long short-term memory (Hochreiter and Schmidhuber 1997), whose state is a
 *       pair (h, c).
 * </ul>
 */
public enum CellType {
    RNN,
    GRU,
    LSTM;

    /**
     * Creates DJL's fused recurrent block for this cell ({@link RecurrentCells#create}).
     *
     * @param hiddenSize H
     * @param layers L
     * @param bidirectional whether to add a backward direction
     * @param dropout dropout between stacked layers
     * @return the block: input (B, S, E), output (B, S, N_dir·H), final state (L·N_dir, B, H) (h,
     *     and c for LSTM), N_dir = 2 if bidirectional
     */
    public RecurrentBlock create(int hiddenSize, int layers, boolean bidirectional, float dropout) {
        return RecurrentCells.create(this, hiddenSize, layers, bidirectional, dropout);
    }

    /**
     * Returns how many state arrays the cell carries: 2 for LSTM (h, c), else 1.
     *
     * @return the number of state arrays
     */
    public int stateArrays() {
        return this == LSTM ? 2 : 1;
    }
}
