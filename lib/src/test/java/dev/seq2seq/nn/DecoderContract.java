package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.train.Seeds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Seq2SeqDecoder} contract as tests: a decoder's test class extends this one and says
 * how to build the decoder. Shapes: B = 2, S = 4, T = 3, V = 11, E = 6, H = 8; the second sentence
 * has 2 valid source positions.
 */
abstract class DecoderContract {

    static final int V = 11;
    static final int H = 8;

    NDManager manager;
    ParameterStore ps;
    Seq2SeqDecoder decoder;
    Seq2SeqConfig config;
    NDList bridged;

    /** The configuration of the decoder under test (vocabulary, sizes and decoder type set). */
    abstract Seq2SeqConfig config(Seq2SeqConfig.Builder base);

    /** Whether the decoder attends (returns attention weights). */
    abstract boolean attends();

    @BeforeEach
    void createDecoder() {
        manager = NDManager.newBaseManager();
        Seeds.seedEverything(11);
        config =
                config(
                        Seq2SeqConfig.builder()
                                .setVocabularySizes(12, V)
                                .optEmbeddingSize(6)
                                .optHiddenSize(H)
                                .optDropout(0f));
        decoder = Seq2SeqModel.create(config).decoder();
        decoder.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
        ps = new ParameterStore(manager, false);
        bridged = new NDList(); // a Transformer's decoder has no bridged state
        RecurrentSettings recurrent = config.recurrent();
        for (int i = 0; recurrent != null && i < recurrent.cell().stateArrays(); i++) {
            bridged.add(manager.randomNormal(new Shape(2, recurrent.layers(), H)));
        }
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** An encoder output for B = 2 sentences of lengths 4 and 2, with a fixed bridged state. */
    EncodedSource encoded(NDArray memory) {
        return new EncodedSource(
                memory, manager.create(new long[] {4, 2}), bridged, memory.get(":, 0, :"));
    }

    NDArray memory() {
        return manager.randomNormal(new Shape(2, 4, config.memorySize()));
    }

    NDArray targetInput() {
        return manager.create(new long[] {2, 4, 5, 2, 6, 7}, new Shape(2, 3));
    }

    /** Runs T steps on the reference tokens and stacks the logits (B, T, V). */
    NDArray stepped(DecoderState state, NDArray target) {
        NDList logits = new NDList();
        for (int t = 0; t < target.getShape().get(1); t++) {
            DecoderStep step = decoder.step(ps, target.get(":, {}", t), state, false);
            assertEquals(new Shape(2, V), step.logits().getShape());
            assertEquals(attends(), step.attentionWeights() != null);
            logits.add(step.logits());
            state = step.state();
        }
        return NDArrays.stack(logits, 1);
    }

    @Test
    void teacherForcedEqualsStepByStep() {
        DecoderState initial = decoder.initialState(ps, encoded(memory()), false);
        TeacherForcedOutput forced = decoder.teacherForced(ps, targetInput(), initial, false);
        assertEquals(new Shape(2, 3, V), forced.logits().getShape());
        NDArray stepped = stepped(initial, targetInput());
        assertTrue(forced.logits().allClose(stepped, 1e-4, 1e-5, false));
        assertEquals(attends(), forced.attentionWeights() != null);
    }

    @Test
    void attentionWeightsSumToOneAndAreZeroOnPadding() {
        DecoderState initial = decoder.initialState(ps, encoded(memory()), false);
        NDArray weights =
                decoder.teacherForced(ps, targetInput(), initial, false).attentionWeights();
        if (!attends()) {
            assertNull(weights);
            return;
        }
        assertEquals(new Shape(2, 3, 4), weights.getShape()); // (B, T, S)
        assertTrue(
                weights.sum(new int[] {2})
                        .allClose(manager.ones(new Shape(2, 3)), 1e-5, 1e-5, false));
        assertEquals(0f, weights.get("1, :, 2:").abs().sum().getFloat());
    }

    @Test
    void memoryBeyondTheSourceLengthChangesNothing() {
        NDArray memory = memory();
        NDArray changed = memory.duplicate();
        changed.set(new ai.djl.ndarray.index.NDIndex("1, 2:, :"), 100f);
        NDArray a = stepped(decoder.initialState(ps, encoded(memory), false), targetInput());
        NDArray b = stepped(decoder.initialState(ps, encoded(changed), false), targetInput());
        assertTrue(a.allClose(b, 1e-5, 1e-6, false));
    }

    @Test
    void stepLeavesItsInputStateUnchanged() {
        DecoderState initial = decoder.initialState(ps, encoded(memory()), false);
        NDArray tokens = manager.create(new long[] {2, 2});
        NDArray first = decoder.step(ps, tokens, initial, false).logits();
        NDArray again = decoder.step(ps, tokens, initial, false).logits();
        assertTrue(first.allClose(again, 0, 0, false));
    }

    @Test
    void selectGathersEveryArrayOfTheChosenRows() {
        DecoderState initial = decoder.initialState(ps, encoded(memory()), false);
        NDArray rows = manager.create(new long[] {1, 1, 0});
        DecoderState picked = initial.select(rows);
        assertEquals(3, picked.batchSize());
        NDArray tokens = manager.create(new long[] {2, 5});
        NDArray all = decoder.step(ps, tokens, initial, false).logits();
        NDArray some = decoder.step(ps, tokens.get(rows), picked, false).logits();
        assertTrue(all.get(rows).allClose(some, 1e-5, 1e-6, false));
    }

    @Test
    void reorderGathersTheStepStateAndKeepsTheMemory() {
        // Both rows read the same source, as the hypotheses of one sentence in beam search do.
        NDArray one = manager.randomNormal(new Shape(1, 4, config.memorySize()));
        EncodedSource source = encoded(one.concat(one, 0));
        DecoderState initial =
                decoder.initialState(
                        ps,
                        new EncodedSource(
                                source.memory(),
                                manager.create(new long[] {3, 3}),
                                source.bridgedState(),
                                source.summary().get("0:1").concat(source.summary().get("0:1"))),
                        false);
        DecoderState after =
                decoder.step(ps, manager.create(new long[] {2, 4}), initial, false).state();
        NDArray rows = manager.create(new long[] {1, 0});
        DecoderState reordered = after.reorder(rows);
        assertEquals(after.memoryArrays().size(), reordered.memoryArrays().size());
        for (int i = 0; i < after.memoryArrays().size(); i++) {
            assertTrue(after.memoryArrays().get(i) == reordered.memoryArrays().get(i));
        }
        NDArray tokens = manager.create(new long[] {5, 6});
        NDArray expected = decoder.step(ps, tokens, after.select(rows), false).logits();
        NDArray actual = decoder.step(ps, tokens, reordered, false).logits();
        assertTrue(expected.allClose(actual, 1e-5, 1e-6, false));
    }

    @Test
    void rejectsTheStateOfAnotherDecoder() {
        DecoderState foreign = new ForeignState(manager.zeros(new Shape(2, 1)));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> decoder.step(ps, manager.create(new long[] {2, 2}), foreign, false));
        assertTrue(e.getMessage().contains("ForeignState"), e.getMessage());
    }

    @Test
    void tokensOfTheWrongBatchSizeNameExpectedAndActual() {
        DecoderState initial = decoder.initialState(ps, encoded(memory()), false);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                decoder.step(
                                        ps, manager.create(new long[] {2, 2, 2}), initial, false));
        assertTrue(e.getMessage().contains("tokens"), e.getMessage());
        assertTrue(
                e.getMessage().contains("(2)") && e.getMessage().contains("(3)"), e.getMessage());
    }

    /** A state no decoder here defines. */
    record ForeignState(NDArray rows) implements DecoderState {
        @Override
        public long batchSize() {
            return rows.getShape().get(0);
        }

        @Override
        public NDList memoryArrays() {
            return new NDList(rows);
        }

        @Override
        public NDList stepArrays() {
            return new NDList();
        }

        @Override
        public DecoderState select(NDArray r) {
            return new ForeignState(rows.get(r));
        }

        @Override
        public DecoderState reorder(NDArray r) {
            return this;
        }
    }
}
