package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import dev.seq2seq.nn.DecoderState;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of a {@link TransformerDecoder}: the memory it reads at every step (source lengths,
 * padding bias, every layer's cross-attention keys and values) and the step state, every layer's
 * cache of self-attention keys and values, which grows by one position per step. Shapes: B batch, S
 * source steps, P positions decoded so far, h heads, d_k = D / h.
 *
 * @param memoryLengths the valid source lengths (B) int64
 * @param paddingBias 0 at valid source positions, −∞ at padding (B, 1, 1, S)
 * @param crossKeyValues per layer, the memory projected into cross-attention keys and values (B, h,
 *     S, d_k)
 * @param selfCache per layer, the self-attention keys and values of the P positions decoded so far
 *     (B, h, P, d_k); empty before the first step
 */
public record TransformerDecoderState(
        NDArray memoryLengths,
        NDArray paddingBias,
        List<KeyValues> crossKeyValues,
        List<KeyValues> selfCache)
        implements DecoderState {

    /** Copies the lists. */
    public TransformerDecoderState {
        crossKeyValues = List.copyOf(crossKeyValues);
        selfCache = List.copyOf(selfCache);
    }

    /**
     * Returns P, the positions decoded so far.
     *
     * @return 0 before the first step
     */
    public long positions() {
        return selfCache.isEmpty() ? 0 : selfCache.get(0).positions();
    }

    @Override
    public long batchSize() {
        return memoryLengths.getShape().get(0);
    }

    @Override
    public NDList memoryArrays() {
        NDList arrays = new NDList(memoryLengths, paddingBias);
        for (KeyValues kv : crossKeyValues) {
            arrays.add(kv.keys());
            arrays.add(kv.values());
        }
        return arrays;
    }

    @Override
    public NDList stepArrays() {
        NDList arrays = new NDList();
        for (KeyValues kv : selfCache) {
            arrays.add(kv.keys());
            arrays.add(kv.values());
        }
        return arrays;
    }

    @Override
    public TransformerDecoderState select(NDArray rows) {
        return new TransformerDecoderState(
                memoryLengths.get(rows),
                paddingBias.get(rows),
                gather(crossKeyValues, rows),
                gather(selfCache, rows));
    }

    @Override
    public TransformerDecoderState reorder(NDArray rows) {
        return new TransformerDecoderState(
                memoryLengths, paddingBias, crossKeyValues, gather(selfCache, rows));
    }

    private static List<KeyValues> gather(List<KeyValues> list, NDArray rows) {
        List<KeyValues> gathered = new ArrayList<>(list.size());
        for (KeyValues kv : list) {
            gathered.add(kv.select(rows));
        }
        return gathered;
    }
}
