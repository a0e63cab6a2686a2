package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;

/**
 * The keys and values of one multi-head attention, split into heads: the encoder memory projected
 * once per source for cross-attention, or the decoder's cached self-attention keys and values of
 * the positions decoded so far. Shapes: B batch, h heads, S key positions, d_k = D / h.
 *
 * @param keys K (B, h, S, d_k)
 * @param values V (B, h, S, d_k)
 */
public record KeyValues(NDArray keys, NDArray values) {

    /**
     * Returns S, the number of key positions.
     *
     * @return the positions
     */
    public long positions() {
        return keys.getShape().get(2);
    }

    /**
     * Gathers rows (beam search's reordering, dropping finished sentences).
     *
     * @param rows row indices (N) int64
     * @return the keys and values of those rows (N, h, S, d_k)
     */
    public KeyValues select(NDArray rows) {
        return new KeyValues(keys.get(rows), values.get(rows));
    }

    /**
     * Appends the keys and values of later positions (the decoder's cache growing by one step).
     *
     * @param later keys and values (B, h, T, d_k) of the next T positions
     * @return (B, h, S + T, d_k)
     */
    public KeyValues append(KeyValues later) {
        return new KeyValues(keys.concat(later.keys, 2), values.concat(later.values, 2));
    }
}
