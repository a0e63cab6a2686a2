package dev.seq2seq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.loss.MaskedCrossEntropyLoss;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.CellType;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.PositionalEncodingType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.Seeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

public class Seq2SeqModelTest {

    public static Stream<Seq2SeqConfig> configs() {
        Seq2SeqConfig.Builder base =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(12, 11)
                        .optEmbeddingSize(6)
                        .optHiddenSize(8)
                        .optDropout(0f);
        return Stream.of(
                base.optDecoder(DecoderType.PLAIN).build(),
                base.optDecoder(DecoderType.BAHDANAU).optAttention("additive", 5).build(),
                base.optDecoder(DecoderType.LUONG).optAttention("general", 5).build(),
                base.optDecoder(DecoderType.LUONG)
                        .optAttention("concat", 5)
                        .optInputFeeding(true)
                        .build(),
                base.optDecoder(DecoderType.LUONG)
                        .optAttention("general", 5)
                        .optInputFeeding(false)
                        .optLocalWindow(1)
                        .build(),
                base.optCell(CellType.LSTM)
                        .optLayers(2)
                        .optLocalWindow(0)
                        .optDecoder(DecoderType.BAHDANAU)
                        .build(),
                base.optArchitecture(Architecture.TRANSFORMER)
                        .optModelSize(8)
                        .optHeads(2)
                        .optFeedForwardSize(16)
                        .optTransformerLayers(2, 2)
                        .build(),
                base.optNormPlacement(NormPlacement.POST)
                        .optPositionalEncoding(PositionalEncodingType.LEARNED, 16)
                        .optShareTargetEmbedding(true)
                        .build());
    }

    public static Seq2SeqModel model(NDManager manager, Seq2SeqConfig config) {
        Seeds.seedEverything(7);
        Seq2SeqModel model = Seq2SeqModel.create(config);
        model.initialize(manager);
        return model;
    }

    public static NDList inputs(NDManager m) {
        NDArray source = m.create(new long[] {4, 5, 6, 3, 7, 3, 0, 0}, new Shape(2, 4));
        NDArray lengths = m.create(new long[] {4, 2});
        NDArray target = m.create(new long[] {2, 4, 5, 2, 6, 0}, new Shape(2, 3));
        return new NDList(source, lengths, target);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void teacherForcingEqualsStepByStepDecoding(Seq2SeqConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager, config);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = inputs(manager);
            NDList forced = model.forward(ps, in, false);
            assertEquals(new Shape(2, 3, 11), forced.head().getShape());
            DecoderState state = model.encode(ps, in.get(0), in.get(1), false);
            NDList steps = new NDList();
            for (int t = 0; t < 3; t++) {
                DecoderStep step = model.step(ps, in.get(2).get(":, {}", t), state, false);
                steps.add(step.logits());
                state = step.state();
            }
            NDArray stepped = NDArrays.stack(steps, 1);
            assertTrue(forced.head().allClose(stepped, 1e-4, 1e-5, false), config.toString());
            if (forced.size() > 1) {
                NDArray weights = forced.get(1); // (B, T, S)
                assertTrue(
                        weights.sum(new int[] {2})
                                .allClose(manager.ones(new Shape(2, 3)), 1e-5, 1e-5, false));
                assertEquals(0f, weights.get("1, :, 2:").abs().sum().getFloat());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void extraPaddingChangesNeitherLogitsNorLoss(Seq2SeqConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager, config);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = inputs(manager);
            NDList padded =
                    new NDList(
                            in.get(0)
                                    .concat(
                                            manager.zeros(new Shape(2, 3), in.get(0).getDataType()),
                                            1),
                            in.get(1),
                            in.get(2)
                                    .concat(
                                            manager.zeros(new Shape(2, 2), in.get(2).getDataType()),
                                            1));
            NDArray a = model.forward(ps, in, false).head();
            NDArray b = model.forward(ps, padded, false).head().get(":, :3, :");
            assertTrue(a.allClose(b, 1e-4, 1e-5, false));
            MaskedCrossEntropyLoss loss = MaskedCrossEntropyLoss.builder().build();
            NDArray gold = manager.create(new long[] {4, 5, 3, 6, 3, 0}, new Shape(2, 3));
            NDArray lengths = manager.create(new long[] {3, 2});
            float l1 = loss.evaluate(new NDList(gold, lengths), new NDList(a)).getFloat();
            NDArray goldPadded = gold.concat(manager.zeros(new Shape(2, 2), gold.getDataType()), 1);
            float l2 =
                    loss.evaluate(new NDList(goldPadded, lengths), model.forward(ps, padded, false))
                            .getFloat();
            assertEquals(l1, l2, 1e-5);
        }
    }

    @Test
    void wrongInputShapeNamesExpectedAndActual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager, configs().findFirst().orElseThrow());
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = inputs(manager);
            NDList bad = new NDList(in.get(0), manager.create(new long[] {4, 2, 1}), in.get(2));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> model.forward(ps, bad, false));
            assertEquals("sourceLengths: expected (B) = (2), got (3)", e.getMessage());
        }
    }
}
