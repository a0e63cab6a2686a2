package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.Seeds;

import org.junit.jupiter.api.Test;

import java.util.List;

class GreedySearchTest {

    private static Seq2SeqModel model(NDManager manager, DecoderType decoder) {
        Seeds.seedEverything(4);
        Seq2SeqModel model =
                Seq2SeqModel.create(
                        Seq2SeqConfig.builder()
                                .setVocabularySizes(15, 9)
                                .optEmbeddingSize(8)
                                .optHiddenSize(8)
                                .optDecoder(decoder)
                                .optAttention("general", 8)
                                .build());
        model.initialize(manager);
        return model;
    }

    /** Two sentences, (B, S) = (2, 4): ids 5 6 7 then 8, each followed by {@code <eos>}. */
    private static NDArray source(NDManager manager) {
        return manager.create(new long[] {5, 6, 7, 3, 8, 3, 0, 0}, new Shape(2, 4));
    }

    private static NDArray lengths(NDManager manager) {
        return manager.create(new long[] {4, 2});
    }

    @Test
    void batchedSearchEqualsOneSentenceAtATimeArgmax() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager, DecoderType.BAHDANAU);
            NDArray source = source(manager);
            NDArray lengths = lengths(manager);
            List<Hypothesis> batched = new GreedySearch(model, 1.0, 3).best(source, lengths);
            for (int row = 0; row < 2; row++) {
                long length = lengths.getLong(row);
                NDArray one = source.get("{}:{}, :{}", row, row + 1, length);
                ParameterStore ps = new ParameterStore(manager, false);
                DecoderState state =
                        model.encode(ps, one, manager.create(new long[] {length}), false);
                long token = 2;
                double score = 0;
                int steps = 0;
                StringBuilder expected = new StringBuilder();
                while (steps < (length - 1) + 3) {
                    DecoderStep step =
                            model.step(ps, manager.create(new long[] {token}), state, false);
                    NDArray logProbs = step.logits().logSoftmax(1).get(0);
                    token = logProbs.argMax().getLong();
                    score += logProbs.getFloat(token);
                    state = step.state();
                    steps++;
                    if (token == 3) {
                        break;
                    }
                    expected.append(token).append(' ');
                }
                Hypothesis h = batched.get(row);
                StringBuilder actual = new StringBuilder();
                for (int t : h.tokens()) {
                    actual.append(t).append(' ');
                }
                assertEquals(expected.toString(), actual.toString());
                assertEquals(score, h.score(), 1e-4);
                assertTrue(h.length() <= (length - 1) + 3);
                assertEquals(h.tokenLogProbs().length, h.attention().length);
                for (float[] row2 : h.attention()) {
                    assertEquals(length, row2.length);
                    float sum = 0;
                    for (float w : row2) {
                        sum += w;
                    }
                    assertEquals(1f, sum, 1e-4);
                }
            }
        }
    }

    @Test
    void aDeviationTakesTheSecondChoiceOnceThenContinuesGreedilyFromItsOwnOutput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager, DecoderType.BAHDANAU);
            NDArray source = source(manager);
            NDArray lengths = lengths(manager);
            List<Hypothesis> greedy = new GreedySearch(model).best(source, lengths);
            List<Hypothesis> rankZero = GreedySearch.deviating(model, 0, 0).best(source, lengths);
            List<Hypothesis> late = GreedySearch.deviating(model, 100, 1).best(source, lengths);
            List<Hypothesis> deviated = GreedySearch.deviating(model, 0, 1).best(source, lengths);
            for (int row = 0; row < 2; row++) {
                assertArrayEquals(greedy.get(row).tokens(), rankZero.get(row).tokens());
                assertArrayEquals(greedy.get(row).tokens(), late.get(row).tokens());
                long length = lengths.getLong(row);
                NDArray one = source.get("{}:{}, :{}", row, row + 1, length);
                ParameterStore ps = new ParameterStore(manager, false);
                DecoderState state =
                        model.encode(ps, one, manager.create(new long[] {length}), false);
                long token = 2;
                StringBuilder expected = new StringBuilder();
                for (int t = 0; t < 2 * (length - 1) + 10; t++) {
                    DecoderStep step =
                            model.step(ps, manager.create(new long[] {token}), state, false);
                    NDArray logProbs = step.logits().logSoftmax(1).get(0);
                    token =
                            t == 0
                                    ? logProbs.argSort(0, false).getLong(1) // the second choice
                                    : logProbs.argMax().getLong();
                    state = step.state();
                    if (token == 3) {
                        break;
                    }
                    expected.append(token).append(' ');
                }
                StringBuilder actual = new StringBuilder();
                for (int t : deviated.get(row).tokens()) {
                    actual.append(t).append(' ');
                }
                assertEquals(expected.toString(), actual.toString());
            }
            assertThrows(
                    IllegalArgumentException.class, () -> GreedySearch.deviating(model, 0, -1));
        }
    }

    @Test
    void modelWithoutAttentionHasNoAttentionMatrix() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager, DecoderType.PLAIN);
            List<Hypothesis> h =
                    new GreedySearch(model)
                            .best(
                                    manager.create(new long[] {5, 3}, new Shape(1, 2)),
                                    manager.create(new long[] {2}));
            assertEquals(null, h.get(0).attention());
        }
    }

    @Test
    void badLengthSettingsAreRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = model(manager, DecoderType.PLAIN);
            assertThrows(IllegalArgumentException.class, () -> new GreedySearch(model, -1, 5));
        }
    }
}
