package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.attention.ScoreType;

import org.junit.jupiter.api.Test;

class Seq2SeqConfigTest {

    @Test
    void jsonRoundTripsAndDefaultsAreTheReferenceModel() {
        Seq2SeqConfig config = Seq2SeqConfig.builder().setVocabularySizes(100, 200).build();
        assertEquals(config, Seq2SeqConfig.fromJson(config.toJson()));
        assertEquals(CellType.GRU, config.cell());
        assertEquals(512, config.memorySize());
        assertEquals(DecoderType.BAHDANAU, config.decoder());
        assertEquals(ScoreType.ADDITIVE, config.attentionScore());
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
                builder.optBidirectional(true).optDecoder(DecoderType.PLAIN).build().decoder());
    }

    @Test
    void jsonWrittenBeforeScoresWereTypedStillReads() {
        Seq2SeqConfig config = Seq2SeqConfig.builder().setVocabularySizes(100, 200).build();
        String lowerCase = config.toJson().replace("\"ADDITIVE\"", "\"additive\"");
        assertTrue(lowerCase.contains("\"additive\""), lowerCase);
        assertEquals(config, Seq2SeqConfig.fromJson(lowerCase));
    }

    @Test
    void anUnknownDecoderInJsonIsNamed() {
        String json =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(100, 200)
                        .build()
                        .toJson()
                        .replace("\"BAHDANAU\"", "\"TRANSFORMERX\"");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Seq2SeqConfig.fromJson(json));
        assertTrue(e.getMessage().contains("unknown DecoderType 'TRANSFORMERX'"), e.getMessage());
        assertTrue(e.getMessage().contains("LUONG"), e.getMessage());
    }

    @Test
    void jsonWrittenBeforeTheTransformerReadsAsTheSameRecurrentConfig() {
        Seq2SeqConfig config = Seq2SeqConfig.builder().setVocabularySizes(100, 200).build();
        String json = config.toJson();
        assertTrue(!json.contains("transformer"), json);
        String old = json.replaceAll("(?m)^\\s*\"architecture\": \"RECURRENT\",?\\n", "");
        assertTrue(!old.contains("architecture"), old);
        Seq2SeqConfig read = Seq2SeqConfig.fromJson(old.replace(",\n}", "\n}"));
        assertEquals(config, read);
        assertEquals(Architecture.RECURRENT, read.architecture());
        assertEquals(null, read.transformer());
    }

    @Test
    void transformerJsonRoundTripsWithEverySetting() {
        Seq2SeqConfig config =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(100, 200)
                        .optArchitecture(Architecture.TRANSFORMER)
                        .optModelSize(64)
                        .optHeads(8)
                        .optFeedForwardSize(96)
                        .optTransformerLayers(2, 3)
                        .optPositionalEncoding(PositionalEncodingType.LEARNED, 40)
                        .optNormPlacement(NormPlacement.POST)
                        .optShareTargetEmbedding(true)
                        .optDropout(0.1f)
                        .build();
        Seq2SeqConfig read = Seq2SeqConfig.fromJson(config.toJson());
        assertEquals(config, read);
        assertEquals(
                new TransformerSettings(
                        8, 96, 2, 3, PositionalEncodingType.LEARNED, 40, NormPlacement.POST, true),
                read.transformer());
        assertEquals(64, read.memorySize());
        assertEquals(64, read.modelSize());
        assertTrue(read.isTransformer());
        String lowerCase = config.toJson().replace("\"LEARNED\"", "\"learned\"");
        assertEquals(config, Seq2SeqConfig.fromJson(lowerCase));
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
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Seq2SeqConfig.fromJson(
                                        Seq2SeqConfig.builder()
                                                .setVocabularySizes(100, 200)
                                                .build()
                                                .toJson()
                                                .replace("RECURRENT", "TRANSFORMER")));
        assertTrue(e.getMessage().contains("needs its settings"), e.getMessage());
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
