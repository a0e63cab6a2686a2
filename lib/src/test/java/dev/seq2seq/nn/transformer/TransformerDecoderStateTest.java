package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.NormPlacement;

import org.junit.jupiter.api.Test;

/** B = 2, S = 4, D = 8, h = 2, two decoder layers, after three steps (P = 3). */
class TransformerDecoderStateTest {

    @Test
    void selectAndReorderGatherTheCachedKeysAndValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerDecoder decoder =
                    TinyTransformer.decoder(m, TinyTransformer.config(NormPlacement.PRE));
            ParameterStore ps = new ParameterStore(m, false);
            TransformerDecoderState state = TransformerDecoderTest.initial(m, decoder, ps);
            for (long[] tokens : new long[][] {{1, 1}, {4, 9}, {5, 3}}) {
                state =
                        (TransformerDecoderState)
                                decoder.step(ps, m.create(tokens), state, false).state();
            }
            NDArray rows = m.create(new long[] {1, 0, 1});
            TransformerDecoderState picked = state.select(rows);
            assertEquals(3, picked.batchSize());
            assertEquals(3, picked.positions());
            NDArray next = m.create(new long[] {6, 2});
            NDArray all = decoder.step(ps, next, state, false).logits();
            NDArray some = decoder.step(ps, next.get(rows), picked, false).logits();
            assertTrue(all.get(rows).allClose(some, 1e-5, 1e-6, false));
            // reorder moves only the step state (the caches); the memory arrays stay the same
            TransformerDecoderState swapped = state.reorder(m.create(new long[] {1, 0}));
            assertEquals(state.memoryArrays().size(), swapped.memoryArrays().size());
            for (int i = 0; i < state.memoryArrays().size(); i++) {
                assertSame(state.memoryArrays().get(i), swapped.memoryArrays().get(i));
            }
            NDArray first = state.stepArrays().get(0);
            assertEquals(2 * 2, state.stepArrays().size()); // keys and values of 2 layers
            assertTrue(first.get("1").allClose(swapped.stepArrays().get(0).get("0"), 0, 0, false));
        }
    }
}
