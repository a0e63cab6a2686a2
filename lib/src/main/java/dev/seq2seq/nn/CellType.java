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
     * Creates a fused recurrent block: input (B, S, E), output (B, S, D·H) and the final state
     * (L·D, B, H) (twice for LSTM: h then c), D = 2 if bidirectional.
     *
     * @param hiddenSize H
     * @param layers L
     * @param bidirectional whether to add a backward direction
     * @param dropout dropout between stacked layers (DJL applies none after the last)
     * @return the block
     */
    public RecurrentBlock create(int hiddenSize, int layers, boolean bidirectional, float dropout) {
        switch (this) {
            case RNN:
                return configure(
                                ai.djl
                                        .nn
                                        .recurrent
                                        .RNN
                                        .builder()
                                        .setActivation(ai.djl.nn.recurrent.RNN.Activation.TANH),
                                hiddenSize,
                                layers,
                                bidirectional,
                                dropout)
                        .build();
            case GRU:
                return configure(
                                ai.djl.nn.recurrent.GRU.builder(),
                                hiddenSize,
                                layers,
                                bidirectional,
                                dropout)
                        .build();
            default:
                return configure(
                                ai.djl.nn.recurrent.LSTM.builder(),
                                hiddenSize,
                                layers,
                                bidirectional,
                                dropout)
                        .build();
        }
    }

    private static <T extends RecurrentBlock.BaseBuilder<T>> T configure(
            T builder, int hiddenSize, int layers, boolean bidirectional, float dropout) {
        return builder.setStateSize(hiddenSize)
                .setNumLayers(layers)
                .optBidirectional(bidirectional)
                .optBatchFirst(true)
                .optReturnState(true)
                .optDropRate(dropout);
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
