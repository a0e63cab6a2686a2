package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.EncodedSource;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.TeacherForcedOutput;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * B = 2, S = 4 (the second sentence has 2 valid source positions), T = 6, D = 8, h = 2, two decoder
 * layers, V = 11.
 */
class TransformerDecoderTest {

    private static final long[] TARGET = {1, 4, 5, 6, 7, 8, 1, 9, 3, 2, 10, 5};

    static TransformerDecoderState initial(
            NDManager m, TransformerDecoder decoder, ParameterStore ps) {
        NDArray memory = m.randomNormal(new Shape(2, 4, TinyTransformer.D));
        EncodedSource source =
                new EncodedSource(
                        memory, m.create(new long[] {4, 2}), new NDList(), memory.get(":, 0, :"));
        return decoder.initialState(ps, source, false);
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void futureTokensNeverChangeEarlierLogits(NormPlacement placement) {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerDecoder decoder =
                    TinyTransformer.decoder(m, TinyTransformer.config(placement));
            ParameterStore ps = new ParameterStore(m, false);
            TransformerDecoderState state = initial(m, decoder, ps);
            NDArray target = m.create(TARGET, new Shape(2, 6));
            NDArray changed = target.duplicate();
            changed.set(new ai.djl.ndarray.index.NDIndex(":, 3:"), 2);
            NDArray a = decoder.teacherForced(ps, target, state, false).logits();
            NDArray b = decoder.teacherForced(ps, changed, state, false).logits();
            assertTrue(a.get(":, :3").allClose(b.get(":, :3"), 1e-6, 1e-6, false));
            assertFalse(a.get(":, 3:").allClose(b.get(":, 3:"), 1e-3, 1e-3, false));
            // extra target positions (padding) after the valid ones change nothing before them
            NDArray longer = target.concat(m.zeros(new Shape(2, 3), target.getDataType()), 1);
            NDArray c = decoder.teacherForced(ps, longer, state, false).logits();
            assertTrue(a.allClose(c.get(":, :6"), 1e-5, 1e-6, false));
        }
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void cachedStepsEqualTheTeacherForcedPassAtEveryPosition(NormPlacement placement) {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerDecoder decoder =
                    TinyTransformer.decoder(m, TinyTransformer.config(placement));
            ParameterStore ps = new ParameterStore(m, false);
            TransformerDecoderState state = initial(m, decoder, ps);
            NDArray target = m.create(TARGET, new Shape(2, 6));
            TeacherForcedOutput forced = decoder.teacherForced(ps, target, state, false);
            TransformerDecoderState current = state;
            for (int t = 0; t < 6; t++) {
                DecoderStep step = decoder.step(ps, target.get(":, {}", t), current, false);
                assertTrue(
                        forced.logits().get(":, {}", t).allClose(step.logits(), 1e-5, 1e-5, false),
                        "position " + t);
                assertTrue(
                        forced.attentionWeights()
                                .get(":, {}", t)
                                .allClose(step.attentionWeights(), 1e-5, 1e-6, false));
                current = (TransformerDecoderState) step.state();
                assertEquals(t + 1, current.positions()); // the cache grows by one position
                assertEquals(
                        new Shape(2, 2, t + 1, 4), current.selfCache().get(1).keys().getShape());
                assertSame(state.crossKeyValues(), current.crossKeyValues());
            }
        }
    }

    @Test
    void everyLayersAndHeadsWeightsSumToOneAndAreZeroOnFutureAndPadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerDecoder decoder =
                    TinyTransformer.decoder(m, TinyTransformer.config(NormPlacement.PRE));
            ParameterStore ps = new ParameterStore(m, false);
            AttentionMaps maps =
                    decoder.attentionMaps(
                            ps, m.create(TARGET, new Shape(2, 6)), initial(m, decoder, ps), false);
            assertEquals(2, maps.self().size());
            assertEquals(2, maps.cross().size());
            for (int layer = 0; layer < 2; layer++) {
                NDArray self = maps.self().get(layer); // (B, h, T, T)
                NDArray cross = maps.cross().get(layer); // (B, h, T, S)
                assertEquals(new Shape(2, 2, 6, 6), self.getShape());
                assertEquals(new Shape(2, 2, 6, 4), cross.getShape());
                NDArray ones = m.ones(new Shape(2, 2, 6));
                assertTrue(self.sum(new int[] {3}).allClose(ones, 1e-5, 1e-6, false));
                assertTrue(cross.sum(new int[] {3}).allClose(ones, 1e-5, 1e-6, false));
                float[] w = self.toFloatArray();
                for (int i = 0; i < w.length; i++) {
                    int key = i % 6;
                    int query = (i / 6) % 6;
                    if (key > query) {
                        assertEquals(0f, w[i], "future position " + key + " seen from " + query);
                    }
                }
                assertEquals(0f, cross.get("1, :, :, 2:").abs().sum().getFloat());
            }
            NDArray mean = maps.cross().get(1).mean(new int[] {1});
            assertTrue(maps.lastCrossMean().allClose(mean, 0, 0, false));
        }
    }

    @Test
    void preNormAndPostNormBothRunAndDiffer() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray target = m.create(TARGET, new Shape(2, 6));
            NDArray[] logits = new NDArray[2];
            for (NormPlacement placement : NormPlacement.values()) {
                TransformerDecoder d =
                        TinyTransformer.decoder(m, TinyTransformer.config(placement));
                m.getEngine().setRandomSeed(9);
                logits[placement.ordinal()] =
                        d.teacherForced(ps, target, initial(m, d, ps), false).logits();
                assertFalse(logits[placement.ordinal()].isNaN().any().getBoolean());
            }
            assertFalse(logits[0].allClose(logits[1], 1e-3, 1e-3, false));
        }
    }

    @Test
    void sharingTheTargetEmbeddingDropsTheOutputLayer() {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqConfig own = TinyTransformer.config(NormPlacement.PRE);
            Seq2SeqConfig shared =
                    Seq2SeqConfig.builder()
                            .setVocabularySizes(12, TinyTransformer.V)
                            .optArchitecture(Architecture.TRANSFORMER)
                            .optModelSize(TinyTransformer.D)
                            .optHeads(2)
                            .optFeedForwardSize(16)
                            .optTransformerLayers(2, 2)
                            .optShareTargetEmbedding(true)
                            .build();
            long a = count(TinyTransformer.decoder(m, own));
            TransformerDecoder sharing = TinyTransformer.decoder(m, shared);
            assertEquals(
                    a - (long) TinyTransformer.V * TinyTransformer.D - TinyTransformer.V,
                    count(sharing));
            // logits = x E^T: the embedding's gradient gets the output layer's share too
            ParameterStore ps = new ParameterStore(m, false);
            NDArray logits =
                    sharing.teacherForced(
                                    ps,
                                    m.create(TARGET, new Shape(2, 6)),
                                    initial(m, sharing, ps),
                                    false)
                            .logits();
            assertEquals(new Shape(2, 6, TinyTransformer.V), logits.getShape());
            assertNull(
                    sharing.getChildren().stream()
                            .filter(p -> p.getKey().endsWith("output"))
                            .findFirst()
                            .orElse(null));
        }
    }

    @Test
    void theSharedEmbeddingLearnsFromTheOutputProjection() {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqConfig shared =
                    Seq2SeqConfig.builder()
                            .setVocabularySizes(12, TinyTransformer.V)
                            .optArchitecture(Architecture.TRANSFORMER)
                            .optModelSize(TinyTransformer.D)
                            .optHeads(2)
                            .optFeedForwardSize(16)
                            .optTransformerLayers(1, 1)
                            .optShareTargetEmbedding(true)
                            .optDropout(0f)
                            .build();
            TransformerDecoder decoder = TinyTransformer.decoder(m, shared);
            NDArray table = decoder.getParameters().get("01embedding_weight").getArray();
            ParameterStore ps = new ParameterStore(m, false);
            try (ai.djl.training.GradientCollector collector =
                    ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray logits =
                        decoder.teacherForced(
                                        ps,
                                        m.create(new long[] {1, 4, 1, 4}, new Shape(2, 2)),
                                        initial(m, decoder, ps),
                                        true)
                                .logits();
                collector.backward(logits.get(":, :, 10").sum()); // token 10 is never an input
            }
            NDArray gradient = table.getGradient(); // (V, D)
            assertTrue(gradient.get("10").abs().sum().getFloat() > 0); // only through the output
            assertEquals(0f, gradient.get("7").abs().sum().getFloat()); // neither input nor scored
            assertFalse(gradient.isNaN().any().getBoolean());
        }
    }

    private static long count(TransformerDecoder decoder) {
        return decoder.getParameters().values().stream()
                .mapToLong(p -> p.getArray().getShape().size())
                .sum();
    }

    @Test
    void wrongShapesNameExpectedAndActual() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerDecoder decoder =
                    TinyTransformer.decoder(m, TinyTransformer.config(NormPlacement.PRE));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray wrong = m.randomNormal(new Shape(2, 4, 6));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    decoder.initialState(
                                            ps,
                                            new EncodedSource(
                                                    wrong,
                                                    m.create(new long[] {4, 2}),
                                                    new NDList(),
                                                    wrong.get(":, 0, :")),
                                            false));
            assertEquals("memory: expected (B, S, D) = (?, ?, 8), got (2, 4, 6)", e.getMessage());
            TransformerDecoderState state = initial(m, decoder, ps);
            e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    decoder.teacherForced(
                                            ps, m.zeros(new Shape(3, 2)), state, false));
            assertTrue(e.getMessage().contains("targetInput"), e.getMessage());
            assertTrue(e.getMessage().contains("(2, ?)") && e.getMessage().contains("(3, 2)"));
            assertNotNull(state.paddingBias());
        }
    }
}
