package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.PositionalEncodingType;
import dev.seq2seq.nn.TransformerSettings;
import dev.seq2seq.train.Seeds;

import org.junit.jupiter.api.Test;

class TransformerEncoderLayerTest {

    /** h = 2, F = 16, the given placement, no score floor. */
    static TransformerSettings settings(NormPlacement placement) {
        return new TransformerSettings(
                2, 16, 1, 1, PositionalEncodingType.SINUSOIDAL, 64, placement, false, 0f);
    }

    private static TransformerEncoderLayer layer(NDManager manager, NormPlacement placement) {
        Seeds.seedEverything(8);
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, settings(placement), 0f);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8), new Shape(1, 1, 1, 1));
        return layer;
    }

    @Test
    void paddedPositionsDoNotReachValidOnes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerEncoderLayer layer = layer(manager, NormPlacement.POST);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 5, 8));
            NDArray changed = x.duplicate();
            changed.set(new NDIndex("1, 3:, :"), 50f);
            NDArray bias =
                    AttentionMask.paddingBias(
                            manager.create(new long[] {5, 3}), 5, DataType.FLOAT32);
            NDArray a = layer.run(ps, x, bias, false).output();
            NDArray b = layer.run(ps, changed, bias, false).output();
            assertTrue(a.get("1, :3, :").allClose(b.get("1, :3, :"), 1e-5, 1e-6, false));
            assertTrue(a.get("0").allClose(b.get("0"), 0, 0, false));
        }
    }

    @Test
    void unlikeDjlsTransformerEncoderBlockNoSentenceDependsOnAnotherOfItsBatch() {
        // DJL's TransformerEncoderBlock normalises with batch norm: in training, its statistics
        // mix the sentences of a batch (and their padding); layer norm works per position.
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 3, 8));
            NDArray changed = x.duplicate();
            changed.set(new NDIndex("1, :, :"), 5f);
            ai.djl.nn.transformer.TransformerEncoderBlock djl =
                    new ai.djl.nn.transformer.TransformerEncoderBlock(
                            8, 2, 16, 0f, ai.djl.nn.Activation::relu);
            djl.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 8));
            NDArray d1 = djl.forward(ps, new ai.djl.ndarray.NDList(x), true).head();
            NDArray d2 = djl.forward(ps, new ai.djl.ndarray.NDList(changed), true).head();
            assertFalse(d1.get("0").allClose(d2.get("0"), 1e-3, 1e-3, false));
            TransformerEncoderLayer ours = layer(manager, NormPlacement.POST);
            NDArray bias =
                    AttentionMask.paddingBias(
                            manager.create(new long[] {3, 3}), 3, DataType.FLOAT32);
            NDArray o1 = ours.run(ps, x, bias, true).output();
            NDArray o2 = ours.run(ps, changed, bias, true).output();
            assertTrue(o1.get("0").allClose(o2.get("0"), 1e-6, 1e-6, false));
        }
    }

    @Test
    void preNormAndPostNormGiveDifferentOutputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 5, 8));
            NDArray bias =
                    AttentionMask.paddingBias(
                            manager.create(new long[] {5, 5}), 5, DataType.FLOAT32);
            NDArray pre = layer(manager, NormPlacement.PRE).run(ps, x, bias, false).output();
            NDArray post = layer(manager, NormPlacement.POST).run(ps, x, bias, false).output();
            assertFalse(pre.allClose(post, 1e-3, 1e-3, false));
            // post-norm ends on a layer norm: every position has mean 0 and variance ~1
            assertTrue(
                    post.mean(new int[] {2})
                            .allClose(manager.zeros(new Shape(2, 5)), 1e-5, 1e-5, false));
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            layer(manager, NormPlacement.PRE)
                                    .run(ps, manager.zeros(new Shape(2, 5, 4)), bias, false));
            assertEquals(new Shape(2, 5, 8), pre.getShape());
        }
    }
}
