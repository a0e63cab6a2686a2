package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * Every attention weight of a Transformer decoder pass, per layer and head, for per-head heatmaps.
 * Shapes: B batch, h heads, T target positions of the pass, P positions cached before it, S source
 * steps.
 *
 * @param self per decoder layer, the masked self-attention weights (B, h, T, P + T): exactly 0 on
 *     future positions
 * @param cross per decoder layer, the encoder-decoder attention weights (B, h, T, S): exactly 0 on
 *     source padding
 */
public record AttentionMaps(List<NDArray> self, List<NDArray> cross) {

    /** Copies the lists. */
    public AttentionMaps {
        self = List.copyOf(self);
        cross = List.copyOf(cross);
    }

    /**
     * Returns the weights a {@code Seq2SeqDecoder} reports: the last layer's encoder-decoder
     * attention averaged over its heads. Each row still sums to 1 and is 0 on padding.
     *
     * @return (B, T, S)
     */
    public NDArray lastCrossMean() {
        return cross.get(cross.size() - 1).mean(new int[] {1}); // (B, T, S)
    }
}
