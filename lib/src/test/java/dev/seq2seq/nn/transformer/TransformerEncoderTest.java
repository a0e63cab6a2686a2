package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.EncodedSource;
import dev.seq2seq.nn.NormPlacement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** B = 2 sentences of lengths 4 and 2, S = 4 (or 7 with extra padding). */
class TransformerEncoderTest {

    private static NDArray source(NDManager m, int extra) {
        long[] ids = new long[2 * (4 + extra)];
        long[][] rows = {{4, 5, 6, 3}, {7, 3}};
        for (int b = 0; b < 2; b++) {
            for (int s = 0; s < rows[b].length; s++) {
                ids[b * (4 + extra) + s] = rows[b][s];
            }
        }
        return m.create(ids, new Shape(2, 4 + extra));
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void extraSourcePaddingChangesNothingAtValidPositions(NormPlacement placement) {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerEncoder encoder =
                    TinyTransformer.encoder(manager, TinyTransformer.config(placement));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray lengths = manager.create(new long[] {4, 2});
            EncodedSource a = encoder.encode(ps, source(manager, 0), lengths, false);
            EncodedSource b = encoder.encode(ps, source(manager, 3), lengths, false);
            assertEquals(new Shape(2, 4, 8), a.memory().getShape());
            assertTrue(a.memory().allClose(b.memory().get(":, :4, :"), 1e-5, 1e-6, false));
            assertEquals(0f, b.memory().get("1, 2:, :").abs().sum().getFloat()); // zeroed padding
            assertTrue(a.memory().get("0").abs().sum().getFloat() > 0);
            assertTrue(a.bridgedState().isEmpty());
            NDArray mean = a.memory().get("1, :2, :").mean(new int[] {0}); // (D)
            assertTrue(mean.allClose(a.summary().get("1"), 1e-5, 1e-6, false));
        }
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void everyHeadsSelfAttentionSumsToOneAndIgnoresPadding(NormPlacement placement) {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerEncoder encoder =
                    TinyTransformer.encoder(manager, TinyTransformer.config(placement));
            ParameterStore ps = new ParameterStore(manager, false);
            TransformerEncoder.Encoding e =
                    encoder.run(ps, source(manager, 0), manager.create(new long[] {4, 2}), false);
            assertEquals(2, e.selfWeights().size());
            for (NDArray w : e.selfWeights()) {
                assertEquals(new Shape(2, 2, 4, 4), w.getShape()); // (B, h, S, S)
                assertTrue(
                        w.sum(new int[] {3})
                                .allClose(manager.ones(new Shape(2, 2, 4)), 1e-5, 1e-6, false));
                assertEquals(0f, w.get("1, :, :, 2:").abs().sum().getFloat());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void badInputIsNamed(NormPlacement placement) {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerEncoder encoder =
                    TinyTransformer.encoder(manager, TinyTransformer.config(placement));
            ParameterStore ps = new ParameterStore(manager, false);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    encoder.encode(
                                            ps,
                                            source(manager, 0),
                                            manager.create(new long[] {4, 2, 1}),
                                            false));
            assertEquals("sourceLengths: expected (B) = (2), got (3)", e.getMessage());
            e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    encoder.encode(
                                            ps,
                                            source(manager, 0),
                                            manager.create(new long[] {5, 2}),
                                            false));
            assertTrue(e.getMessage().contains("[1, S] = [1, 4]"), e.getMessage());
        }
    }
}
