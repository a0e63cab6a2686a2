package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.attention.ScoreType;

import org.junit.jupiter.api.Test;

class Seq2SeqConfigTest {
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
    }

    @Test
    void scoreNamesSpelledDifferentlyGiveEqualConfigs() {
        Seq2SeqConfig.Builder base =
                Seq2SeqConfig.builder().setVocabularySizes(100, 200).optBidirectional(false);
        Seq2SeqConfig a = base.optAttention("scaled_dot", 8).build();
        Seq2SeqConfig b = base.optAttention("scaled-dot", 8).build();
        Seq2SeqConfig c = base.optAttention(ScoreType.SCALED_DOT, 8).build();
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void anUnknownScoreFailsWhenTheConfigIsBuilt() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Seq2SeqConfig.builder().optAttention("bahdanau", 8));
        assertTrue(e.getMessage().contains("'bahdanau'"), e.getMessage());
    }

    @Test
    void dotScoreNeedsEqualQueryAndMemorySizes() {
        Seq2SeqConfig.Builder builder =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(12, 11)
                        .optHiddenSize(8)
                        .optAttention(ScoreType.DOT, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("M = 16"), e.getMessage());
        assertEquals(16, builder.optBidirectional(false).build().hiddenSize() * 2);
        assertEquals(
                DecoderType.PLAIN,
                builder.optBidirectional(true)
                        .optDecoder(DecoderType.PLAIN)
                        .build()
                        .recurrent()
                        .decoder());
    }

    @Test
    void transformerSizesAreValidatedWithClearMessages() {
        Seq2SeqConfig.Builder base =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(100, 200)
                        .optArchitecture(Architecture.TRANSFORMER)
                        .optModelSize(30)
                        .optHeads(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, base::build);
        assertTrue(
                e.getMessage().contains("D = 30") && e.getMessage().contains("h = 4"),
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> base.optModelSize(32).optEmbeddingSize(16).build());
        assertTrue(e.getMessage().contains("E = 16 and H = 32"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> base.optModelSize(32).optFeedForwardSize(0).build());
        assertEquals("invalid feedForwardSize: 0", e.getMessage());
        // the recurrent-only rule (dot scores need H = M) does not apply to a Transformer
        assertEquals(
                32,
                base.optModelSize(32)
                        .optFeedForwardSize(64)
                        .optAttention(ScoreType.DOT, 8)
                        .build()
                        .memorySize());
    }
}
