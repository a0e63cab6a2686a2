package dev.seq2seq.nn;

import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.nn.recurrent.RecurrentBlock;

/** Creates DJL's fused recurrent blocks for a {@link CellType}. */
public final class RecurrentCells {

    private RecurrentCells() {}

    /**
     * Creates a fused recurrent block, batch first and returning its final state: input (B, S, E),
     * output (B, S, N_dir·H) and the final state (L·N_dir, B, H) (twice for LSTM: h then c), N_dir
     * = 2 if bidirectional.
     *
     * @param cell the cell
     * @param hiddenSize H
     * @param layers L
     * @param bidirectional whether to add a backward direction
     * @param dropout dropout between stacked layers (DJL applies none after the last)
     * @return the block
     */
    public static RecurrentBlock create(
            CellType cell, int hiddenSize, int layers, boolean bidirectional, float dropout) {
        return switch (cell) {
            case RNN ->
                    configure(
                                    RNN.builder().setActivation(RNN.Activation.TANH),
                                    hiddenSize,
                                    layers,
                                    bidirectional,
                                    dropout)
                            .build();
            case GRU ->
                    configure(GRU.builder(), hiddenSize, layers, bidirectional, dropout).build();
            case LSTM ->
                    configure(LSTM.builder(), hiddenSize, layers, bidirectional, dropout).build();
        };
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
}
