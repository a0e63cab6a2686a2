package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.DecoderStep;
import dev.seq2seq.nn.DecoderType;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

class SamplerTest {

    private static List<Hypothesis> sample(
            Seq2SeqModel model, NDManager manager, Consumer<Sampler.Builder> options) {
        Sampler.Builder builder =
                Sampler.builder().setModel(model).setSeed(11).optMaxLength(1.0, 4);
        options.accept(builder);
        return builder.build().best(SearchFixture.source(manager), SearchFixture.lengths(manager));
    }

    private static void assertSameOutputs(List<Hypothesis> expected, List<Hypothesis> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).tokens(), actual.get(i).tokens(), "sentence " + i);
            assertArrayEquals(expected.get(i).tokenLogProbs(), actual.get(i).tokenLogProbs());
            assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-9);
            assertEquals(expected.get(i).finished(), actual.get(i).finished());
        }
    }

    private static List<Hypothesis> greedy(Seq2SeqModel model, NDManager manager) {
        return new GreedySearch(model, 1.0, 4)
                .best(SearchFixture.source(manager), SearchFixture.lengths(manager));
    }

    @Test
    void sameSeedGivesTheSameSamples() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 9);
            Consumer<Sampler.Builder> options = b -> b.optTemperature(1.5).optTopP(0.9);
            assertSameOutputs(sample(model, manager, options), sample(model, manager, options));
        }
    }

    @Test
    void nearZeroTemperatureEqualsGreedy() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.LUONG, 9);
            assertSameOutputs(
                    greedy(model, manager), sample(model, manager, b -> b.optTemperature(1e-4)));
        }
    }

    @Test
    void topKOneEqualsGreedy() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 9);
            assertSameOutputs(
                    greedy(model, manager),
                    sample(model, manager, b -> b.optTopK(1).optTemperature(3)));
        }
    }

    @Test
    void tinyTopPEqualsGreedy() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.PLAIN, 9);
            assertSameOutputs(greedy(model, manager), sample(model, manager, b -> b.optTopP(1e-9)));
        }
    }

    @Test
    void scoreIsTheModelLogProbabilityAtTemperatureOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.BAHDANAU, 9);
            List<Hypothesis> samples =
                    sample(model, manager, b -> b.optTemperature(2.5).optTopK(4));
            ParameterStore ps = new ParameterStore(manager, false);
            for (int i = 0; i < samples.size(); i++) {
                Hypothesis h = samples.get(i);
                DecoderState state =
                        model.encode(
                                ps,
                                SearchFixture.sourceOf(manager, i),
                                SearchFixture.lengthOf(manager, i),
                                false);
                long previous = Vocabulary.BOS_ID;
                double score = 0;
                for (int t = 0; t < h.tokenLogProbs().length; t++) {
                    DecoderStep step =
                            model.step(ps, manager.create(new long[] {previous}), state, false);
                    previous = t < h.length() ? h.tokens()[t] : Vocabulary.EOS_ID;
                    float logProb = step.logits().logSoftmax(1).getFloat(0, previous);
                    assertEquals(logProb, h.tokenLogProbs()[t], 1e-4, "sentence " + i);
                    score += logProb;
                    state = step.state();
                }
                assertEquals(score, h.score(), 1e-4);
                assertEquals(SearchFixture.LENGTHS[i], h.attention()[0].length);
            }
        }
    }

    @Test
    void badOptionsAreRejectedNamingThem() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.PLAIN, 9);
            assertMessage("model", Sampler.builder().setSeed(1));
            assertMessage("seed", Sampler.builder().setModel(model));
            Sampler.Builder valid = Sampler.builder().setModel(model).setSeed(1);
            assertMessage("temperature", valid.optTemperature(0));
            assertMessage("top-k", valid.optTemperature(1).optTopK(-2));
            assertMessage("top-p", valid.optTopK(0).optTopP(0));
            assertMessage("top-p", valid.optTopP(1.01));
            assertMessage("a >= 0", valid.optTopP(1).optMaxLength(1, 0));
        }
    }

    private static void assertMessage(String expected, Sampler.Builder builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
