package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.train.Seeds;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransformerDecoderLayerTest {

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void onePositionAtATimeWithTheCacheEqualsAllPositionsWithTheCausalMask(NormPlacement p) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(6);
            TransformerDecoderLayer layer =
                    new TransformerDecoderLayer(8, TransformerEncoderLayerTest.settings(p), 0f);
            Shape x = new Shape(1, 1, 8);
            layer.initialize(manager, DataType.FLOAT32, x, x, new Shape(1, 1, 1, 1));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray target = manager.randomNormal(new Shape(2, 5, 8));
            NDArray memory = manager.randomNormal(new Shape(2, 3, 8));
            NDArray padding =
                    AttentionMask.paddingBias(
                            manager.create(new long[] {3, 1}), 3, DataType.FLOAT32);
            NDList all = layer.forward(ps, new NDList(target, memory, padding), false);
            KeyValues cross = layer.projectMemory(ps, memory, false);
            KeyValues cache = null;
            NDList outputs = new NDList();
            for (int t = 0; t < 5; t++) {
                TransformerDecoderLayer.Output o =
                        layer.run(
                                ps,
                                target.get(":, {}:{}", t, t + 1),
                                cache,
                                null,
                                cross,
                                padding,
                                false);
                cache = o.selfKeyValues();
                assertEquals(t + 1, cache.positions());
                outputs.add(o.output());
            }
            assertTrue(all.get(0).allClose(NDArrays.concat(outputs, 1), 1e-5, 1e-5, false));
            assertEquals(new Shape(2, 2, 5, 5), all.get(1).getShape());
            assertEquals(new Shape(2, 2, 5, 3), all.get(2).getShape());
        }
    }
}
