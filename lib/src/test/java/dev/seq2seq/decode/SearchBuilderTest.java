package dev.seq2seq.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;

import org.junit.jupiter.api.Test;

class SearchBuilderTest {

    @Test
    void bothSearchesRequireAModelWithTheSameMessage() {
        IllegalArgumentException beam =
                assertThrows(IllegalArgumentException.class, () -> BeamSearch.builder().build());
        IllegalArgumentException sampler =
                assertThrows(
                        IllegalArgumentException.class, () -> Sampler.builder().setSeed(1).build());
        assertEquals("model is required: call setModel", beam.getMessage());
        assertEquals(beam.getMessage(), sampler.getMessage());
    }

    @Test
    void theMaximumLengthDefaultsToGreedySearchsAndIsCheckedWhenBuilt() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = SearchFixture.model(manager, DecoderType.PLAIN, 5);
            assertEquals(MaxLength.DEFAULT, Sampler.builder().setModel(model).maxLength());
            assertEquals(
                    new MaxLength(1.5, 3),
                    BeamSearch.builder().setModel(model).optMaxLength(1.5, 3).maxLength());
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> BeamSearch.builder().setModel(model).optMaxLength(-1, 3).build());
            assertEquals(
                    "maximum length a·|x| + b needs a >= 0 and b >= 1, got a=-1.0, b=3",
                    e.getMessage());
        }
    }
}
