package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;

import org.junit.jupiter.api.Test;

class ScheduledSamplingTest {

    private static Seq2SeqModel model(NDManager manager) {
        Seeds.seedEverything(7);
        Seq2SeqModel model =
                Seq2SeqModel.create(
                        Seq2SeqConfig.builder()
                                .setVocabularySizes(12, 11)
                                .optEmbeddingSize(6)
                                .optHiddenSize(8)
                                .optDropout(0f)
                                .optDecoder(DecoderType.BAHDANAU)
                                .optAttention("additive", 5)
                                .build());
        model.initialize(manager);
        return model;
    }

    private static NDList inputs(NDManager m) {
        NDArray source = m.create(new long[] {4, 5, 6, 3, 7, 3, 0, 0}, new Shape(2, 4));
        NDArray lengths = m.create(new long[] {4, 2});
        NDArray target = m.create(new long[] {2, 4, 5, 2, 6, 0}, new Shape(2, 3));
        return new NDList(source, lengths, target);
    }

    @Test
    void ratioOneIsTeacherForcing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = inputs(manager);
            NDList forced = model.forward(ps, in, false);
            NDList scheduled = ScheduledSampling.forward(model, ps, in, 1.0, false);
            assertEquals(forced.size(), scheduled.size());
            assertTrue(forced.head().allClose(scheduled.head()));
        }
    }

    @Test
    void ratioZeroFeedsBackTheArgmaxOfThePreviousStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = inputs(manager);
            NDList sampled = ScheduledSampling.forward(model, ps, in, 0.0, false);
            assertEquals(new Shape(2, 3, 11), sampled.head().getShape());
            assertEquals(new Shape(2, 3, 4), sampled.get(1).getShape(), "attention (B, T, S)");
            DecoderState state = model.encode(ps, in.get(0), in.get(1), false);
            NDArray tokens = in.get(2).get(":, 0"); // <bos>
            for (int t = 0; t < 3; t++) {
                DecoderStep step = model.step(ps, tokens, state, false);
                assertTrue(
                        step.logits()
                                .allClose(sampled.head().get(":, {}, :", t), 1e-5, 1e-6, false),
                        "step " + t);
                tokens = step.logits().argMax(1).toType(DataType.INT64, false);
                state = step.state();
            }
        }
    }

    @Test
    void aTransformerFeedsBackItsArgmaxThroughItsCachedSteps() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(7);
            Seq2SeqModel model =
                    Seq2SeqModel.create(
                            Seq2SeqConfig.builder()
                                    .setVocabularySizes(12, 11)
                                    .optArchitecture(Architecture.TRANSFORMER)
                                    .optModelSize(8)
                                    .optHeads(2)
                                    .optFeedForwardSize(16)
                                    .optTransformerLayers(1, 2)
                                    .optDropout(0f)
                                    .build());
            model.initialize(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList in = inputs(manager);
            NDList sampled = ScheduledSampling.forward(model, ps, in, 0.0, false);
            assertEquals(new Shape(2, 3, 4), sampled.get(1).getShape(), "attention (B, T, S)");
            DecoderState state = model.encode(ps, in.get(0), in.get(1), false);
            NDArray tokens = in.get(2).get(":, 0"); // <bos>
            for (int t = 0; t < 3; t++) {
                DecoderStep step = model.step(ps, tokens, state, false);
                assertTrue(
                        step.logits()
                                .allClose(sampled.head().get(":, {}, :", t), 1e-5, 1e-6, false),
                        "step " + t);
                tokens = step.logits().argMax(1).toType(DataType.INT64, false);
                state = step.state();
            }
            NDList forced = ScheduledSampling.forward(model, ps, in, 1.0, false);
            assertTrue(forced.head().allClose(model.forward(ps, in, false).head()));
        }
    }

    @Test
    void wrongInputCountIsNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager);
            NDList in = inputs(manager);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    ScheduledSampling.forward(
                                            model,
                                            new ParameterStore(manager, false),
                                            new NDList(in.get(0), in.get(1)),
                                            0.5,
                                            false));
            assertTrue(e.getMessage().contains("got 2 arrays"), e.getMessage());
        }
    }
}
