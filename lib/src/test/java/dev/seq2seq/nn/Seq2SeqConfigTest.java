package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Seq2SeqConfigTest {

    @Test
    void jsonRoundTripsAndDefaultsAreTheReferenceModel() {
        Seq2SeqConfig config = Seq2SeqConfig.builder().setVocabularySizes(100, 200).build();
        assertEquals(config, Seq2SeqConfig.fromJson(config.toJson()));
        assertEquals(CellType.GRU, config.cell());
        assertEquals(512, config.memorySize());
        assertEquals(DecoderType.BAHDANAU, config.decoder());
        assertEquals("additive", config.attentionScore());
    }

    @Test
    void invalidValuesAreNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Seq2SeqConfig.builder()
                                        .setVocabularySizes(100, 200)
                                        .optDropout(1.5f)
                                        .build());
        assertEquals("invalid dropout: 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Seq2SeqConfig.builder().build());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> Seq2SeqConfig.fromJson("{nope"))
                        .getMessage()
                        .startsWith("malformed model configuration"));
    }
}
