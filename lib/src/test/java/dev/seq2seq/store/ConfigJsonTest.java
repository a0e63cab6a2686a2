package dev.seq2seq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.attention.ScoreType;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.CellType;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.PositionalEncodingType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.TransformerSettings;

import org.junit.jupiter.api.Test;

class ConfigJsonTest {
    @Test
    void jsonRoundTripsAndDefaultsAreTheReferenceModel() {
        Seq2SeqConfig config = Seq2SeqConfig.builder().setVocabularySizes(100, 200).build();
        assertEquals(config, ConfigJson.fromJson(ConfigJson.toJson(config)));
        assertEquals(CellType.GRU, config.recurrent().cell());
        assertEquals(512, config.memorySize());
        assertEquals(DecoderType.BAHDANAU, config.recurrent().decoder());
        assertEquals(ScoreType.ADDITIVE, config.recurrent().attentionScore());
    }

    @Test
    void jsonWrittenBeforeScoresWereTypedStillReads() {
        Seq2SeqConfig config = Seq2SeqConfig.builder().setVocabularySizes(100, 200).build();
        String lowerCase = ConfigJson.toJson(config).replace("\"ADDITIVE\"", "\"additive\"");
        assertTrue(lowerCase.contains("\"additive\""), lowerCase);
        assertEquals(config, ConfigJson.fromJson(lowerCase));
    }

    @Test
    void anUnknownDecoderInJsonIsNamed() {
        String json =
                ConfigJson.toJson(Seq2SeqConfig.builder().setVocabularySizes(100, 200).build())
                        .replace("\"BAHDANAU\"", "\"TRANSFORMERX\"");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ConfigJson.fromJson(json));
        assertTrue(e.getMessage().contains("unknown DecoderType 'TRANSFORMERX'"), e.getMessage());
        assertTrue(e.getMessage().contains("LUONG"), e.getMessage());
    }

    /** A recurrent config.json as written before the Transformer (no architecture). */
    private static final String BEFORE_THE_TRANSFORMER =
            """
            {
              "sourceVocabularySize": 5209,
              "targetVocabularySize": 8298,
              "cell": "GRU",
              "embeddingSize": 256,
              "hiddenSize": 256,
              "layers": 1,
              "bidirectional": true,
              "dropout": 0.2,
              "bridge": "LINEAR",
              "decoder": "LUONG",
              "attentionScore": "general",
              "attentionSize": 128,
              "localWindow": 5,
              "inputFeeding": true
            }""";

    /** Notebook 09's config.json as written before the recurrent settings had their object. */
    private static final String TRANSFORMER_BEFORE_RECURRENT_SETTINGS =
            """
            {
              "sourceVocabularySize": 4272,
              "targetVocabularySize": 5484,
              "cell": "GRU",
              "embeddingSize": 256,
              "hiddenSize": 256,
              "layers": 1,
              "bidirectional": true,
              "dropout": 0.1,
              "bridge": "LINEAR",
              "decoder": "BAHDANAU",
              "attentionScore": "ADDITIVE",
              "attentionSize": 256,
              "localWindow": 0,
              "inputFeeding": false,
              "architecture": "TRANSFORMER",
              "transformer": {
                "heads": 4,
                "feedForwardSize": 512,
                "encoderLayers": 2,
                "decoderLayers": 2,
                "positionalEncoding": "SINUSOIDAL",
                "maxPositions": 256,
                "normPlacement": "PRE",
                "shareTargetEmbedding": true
              }
            }""";

    @Test
    void jsonWrittenBeforeTheTransformerReadsAsTheSameRecurrentConfig() {
        Seq2SeqConfig expected =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(5209, 8298)
                        .optDecoder(DecoderType.LUONG)
                        .optAttention(ScoreType.GENERAL, 128)
                        .optLocalWindow(5)
                        .optInputFeeding(true)
                        .build();
        Seq2SeqConfig read = ConfigJson.fromJson(BEFORE_THE_TRANSFORMER);
        assertEquals(expected, read);
        assertEquals(Architecture.RECURRENT, read.architecture());
        assertEquals(null, read.transformer());
        assertEquals(expected, ConfigJson.fromJson(ConfigJson.toJson(read)));
    }

    @Test
    void aTransformerWrittenBeforeTheRecurrentSettingsHadTheirObjectReadsWithoutThem() {
        Seq2SeqConfig expected =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(4272, 5484)
                        .optArchitecture(Architecture.TRANSFORMER)
                        .optModelSize(256)
                        .optHeads(4)
                        .optFeedForwardSize(512)
                        .optTransformerLayers(2, 2)
                        .optDropout(0.1f)
                        .optShareTargetEmbedding(true)
                        .optAttentionScoreFloor(50)
                        .build();
        Seq2SeqConfig read = ConfigJson.fromJson(TRANSFORMER_BEFORE_RECURRENT_SETTINGS);
        assertEquals(expected, read);
        assertEquals(null, read.recurrent());
    }

    @Test
    void eachArchitectureWritesOnlyItsOwnSettings() {
        String recurrent =
                ConfigJson.toJson(Seq2SeqConfig.builder().setVocabularySizes(100, 200).build());
        assertTrue(recurrent.contains("\"recurrent\": {"), recurrent);
        assertTrue(!recurrent.contains("transformer"), recurrent);
        assertTrue(!recurrent.matches("(?s).*\n  \"cell\".*"), "no top-level cell: " + recurrent);
        String transformer =
                ConfigJson.toJson(
                        Seq2SeqConfig.builder()
                                .setVocabularySizes(100, 200)
                                .optArchitecture(Architecture.TRANSFORMER)
                                .build());
        assertTrue(transformer.contains("\"transformer\": {"), transformer);
        assertTrue(
                !transformer.contains("recurrent") && !transformer.contains("cell"), transformer);
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
                        .optAttentionScoreFloor(30)
                        .optDropout(0.1f)
                        .build();
        Seq2SeqConfig read = ConfigJson.fromJson(ConfigJson.toJson(config));
        assertEquals(config, read);
        assertEquals(
                new TransformerSettings(
                        8,
                        96,
                        2,
                        3,
                        PositionalEncodingType.LEARNED,
                        40,
                        NormPlacement.POST,
                        true,
                        30f),
                read.transformer());
        assertEquals(64, read.memorySize());
        assertEquals(64, read.modelSize());
        assertTrue(read.isTransformer());
        String lowerCase = ConfigJson.toJson(config).replace("\"LEARNED\"", "\"learned\"");
        assertEquals(config, ConfigJson.fromJson(lowerCase));
    }

    @Test
    void aTransformerWrittenBeforeTheScoreFloorSettingReadsWithTheFloorItWasTrainedWith() {
        Seq2SeqConfig.Builder builder =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(100, 200)
                        .optArchitecture(Architecture.TRANSFORMER)
                        .optModelSize(64);
        Seq2SeqConfig paper = builder.build();
        assertEquals(0f, paper.transformer().attentionScoreFloor(), "opt-in: none by default");
        String json = ConfigJson.toJson(paper);
        String before = json.replaceAll(",\\s*\"attentionScoreFloor\": 0\\.0", "");
        assertTrue(!before.contains("attentionScoreFloor") && !before.equals(json), before);
        Seq2SeqConfig read = ConfigJson.fromJson(before);
        assertEquals(builder.optAttentionScoreFloor(50).build(), read);
        assertEquals(paper, ConfigJson.fromJson(json), "a written 0 stays 0");
    }

    @Test
    void aNegativeScoreFloorIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Seq2SeqConfig.builder()
                                        .setVocabularySizes(100, 200)
                                        .optArchitecture(Architecture.TRANSFORMER)
                                        .optAttentionScoreFloor(-1)
                                        .build());
        assertEquals("invalid attentionScoreFloor: -1.0", e.getMessage());
    }

    @Test
    void malformedJsonIsNamed() {
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> ConfigJson.fromJson("{nope"))
                        .getMessage()
                        .startsWith("malformed model configuration"));
    }

    @Test
    void aTransformerWithoutItsSettingsIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ConfigJson.fromJson(
                                        ConfigJson.toJson(
                                                        Seq2SeqConfig.builder()
                                                                .setVocabularySizes(100, 200)
                                                                .build())
                                                .replace("RECURRENT", "TRANSFORMER")));
        assertTrue(e.getMessage().contains("needs its settings"), e.getMessage());
    }
}
