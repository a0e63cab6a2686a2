package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import dev.seq2seq.attention.ScoreType;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.BridgeType;
import dev.seq2seq.nn.CellType;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.perf.ModelFlops.Block;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

class FlopCountTest {

    /**
     * Every cell, decoder, score, bridge, local-p, input feeding, 1 or 2 layers, 1 or 2 directions.
     */
    static Stream<Seq2SeqConfig> configs() {
        List<Seq2SeqConfig> list = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (DecoderType decoder : DecoderType.values()) {
                for (ScoreType score : ScoreType.values()) {
                    boolean dotLike =
                            score == ScoreType.DOT
                                    || score == ScoreType.SCALED_DOT
                                    || score == ScoreType.COSINE;
                    int i = list.size();
                    boolean bidirectional = !dotLike && i % 2 == 0;
                    list.add(
                            Seq2SeqConfig.builder()
                                    .setVocabularySizes(13, 11)
                                    .optCell(cell)
                                    .optDecoder(decoder)
                                    .optAttention(score, 5)
                                    .optEmbeddingSize(6)
                                    .optHiddenSize(8)
                                    .optLayers(1 + i % 2)
                                    .optBidirectional(bidirectional)
                                    .optBridge(
                                            bidirectional
                                                    ? BridgeType.LINEAR
                                                    : BridgeType.values()[i % 3])
                                    .optLocalWindow(i % 4 == 1 ? 2 : 0)
                                    .optInputFeeding(i % 3 == 0)
                                    .optDropout(0f)
                                    .build());
                }
            }
        }
        return list.stream();
    }

    private static Seq2SeqConfig.Builder reference() {
        return Seq2SeqConfig.builder()
                .setVocabularySizes(50, 40)
                .optEmbeddingSize(6)
                .optHiddenSize(8)
                .optAttention(ScoreType.ADDITIVE, 5);
    }

    /** The number of weight entries (biases excluded) of the parameters whose path matches. */
    private static long weights(Seq2SeqModel model, Predicate<String> path) {
        long count = 0;
        for (Pair<String, Parameter> p : model.getParameters()) {
            String name = p.getKey().replaceAll("(^|_)\\d\\d", "$1"); // 03decoder_04output -> ...
            if (p.getValue().getType() == Parameter.Type.WEIGHT && path.test(name)) {
                count += p.getValue().getArray().getShape().size();
            }
        }
        return count;
    }

    @ParameterizedTest
    @MethodSource("configs")
    void oneRowOneStepCostsTwiceTheWeightsOfTheRealModel(Seq2SeqConfig config) {
        ModelFlops flops = FlopCount.of(config, BatchShape.full(1, 1, 1));
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModel.create(config);
            model.initialize(manager);
            long encoder =
                    weights(
                            model,
                            n ->
                                    n.startsWith("encoder_forward")
                                            || n.startsWith("encoder_backward"));
            long cell = weights(model, n -> n.startsWith("decoder_rnn_"));
            long readout =
                    weights(
                            model,
                            n ->
                                    n.startsWith("decoder_readout_")
                                            || n.startsWith("decoder_combine_"));
            long output = weights(model, n -> n.startsWith("decoder_output_"));
            long bridge = weights(model, n -> n.startsWith("bridge_"));
            long attention = weights(model, n -> n.startsWith("decoder_attention_"));
            assertEquals(2 * encoder, flops.block(Block.ENCODER).forward(), "encoder");
            assertEquals(2 * cell, flops.block(Block.DECODER_CELL).forward(), "decoder cell");
            assertEquals(2 * readout, flops.block(Block.READOUT).forward(), "readout");
            assertEquals(2 * output, flops.block(Block.OUTPUT_PROJECTION).forward(), "output");
            // the bridge maps each of the L layers' states with the same weights
            assertEquals(
                    2L * config.recurrent().layers() * bridge,
                    flops.block(Block.BRIDGE).forward(),
                    "bridge");
            // attention adds two products without weights, each 2·S·M at S = 1: weights · memory,
            // and the query-key product of the dot-like and general scores
            long free = 0;
            if (config.recurrent().decoder() != DecoderType.PLAIN) {
                boolean queryKeyProduct =
                        config.recurrent().attentionScore() != ScoreType.ADDITIVE
                                && config.recurrent().attentionScore() != ScoreType.CONCAT;
                free = 2L * config.memorySize() * (queryKeyProduct ? 2 : 1);
            }
            assertEquals(2 * attention + free, flops.block(Block.ATTENTION).forward(), "attention");
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void backwardIsTwiceForwardExceptTheEmbeddingsScatterAdd(Seq2SeqConfig config) {
        BatchShape batch = new BatchShape(3, 7, 5, 15, 11);
        ModelFlops flops = FlopCount.of(config, batch);
        for (ModelFlops.BlockFlops block : flops.blocks()) {
            if (block.block() == Block.EMBEDDING) {
                assertEquals(0, block.forward());
                assertEquals(3L * (7 + 5) * config.embeddingSize(), block.backward());
            } else {
                assertEquals(2 * block.forward(), block.backward(), block.block().label());
            }
        }
        assertEquals(11, flops.targetTokens());
        assertEquals(flops.total() / 11.0, flops.perTargetToken(flops.total()), 1e-9);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void doublingTargetStepsDoublesTheDecoderAndLeavesTheEncoder(Seq2SeqConfig config) {
        ModelFlops one = FlopCount.of(config, BatchShape.full(4, 6, 5));
        ModelFlops two = FlopCount.of(config, BatchShape.full(4, 6, 10));
        for (Block block : List.of(Block.DECODER_CELL, Block.READOUT, Block.OUTPUT_PROJECTION)) {
            assertEquals(2 * one.block(block).forward(), two.block(block).forward(), block.label());
        }
        for (Block block : List.of(Block.ENCODER, Block.BRIDGE)) {
            assertEquals(one.block(block).forward(), two.block(block).forward(), block.label());
        }
        assertTrue(two.block(Block.ATTENTION).forward() >= one.block(Block.ATTENTION).forward());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void doublingSourceStepsDoublesTheEncoderAndLeavesTheDecoder(Seq2SeqConfig config) {
        ModelFlops one = FlopCount.of(config, BatchShape.full(4, 6, 5));
        ModelFlops two = FlopCount.of(config, BatchShape.full(4, 12, 5));
        assertEquals(2 * one.block(Block.ENCODER).forward(), two.block(Block.ENCODER).forward());
        if (config.recurrent().decoder() != DecoderType.PLAIN) {
            // every attention product is linear in S except the query projections
            assertTrue(two.block(Block.ATTENTION).forward() > one.block(Block.ATTENTION).forward());
        }
        for (Block block :
                List.of(Block.BRIDGE, Block.DECODER_CELL, Block.READOUT, Block.OUTPUT_PROJECTION)) {
            assertEquals(one.block(block).forward(), two.block(block).forward(), block.label());
        }
    }

    @Test
    void theEncoderCountsRealSourceTokensNotPadding() {
        Seq2SeqConfig config = reference().build();
        ModelFlops tight = FlopCount.of(config, new BatchShape(4, 6, 5, 20, 12));
        ModelFlops padded = FlopCount.of(config, new BatchShape(4, 12, 5, 20, 12));
        assertEquals(tight.block(Block.ENCODER), padded.block(Block.ENCODER));
        // attention runs over the padded source grid
        assertTrue(
                padded.block(Block.ATTENTION).forward() > tight.block(Block.ATTENTION).forward());
        // and the decoder over the padded target grid, whatever the real target tokens
        ModelFlops fewer = FlopCount.of(config, new BatchShape(4, 6, 5, 20, 4));
        assertEquals(tight.block(Block.DECODER_CELL), fewer.block(Block.DECODER_CELL));
        assertEquals(
                3 * tight.perTargetToken(tight.total()), fewer.perTargetToken(fewer.total()), 1e-6);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void theVocabularyOnlyChangesTheOutputProjection(Seq2SeqConfig config) {
        Seq2SeqConfig bigger =
                new Seq2SeqConfig(
                        config.sourceVocabularySize() * 3,
                        config.targetVocabularySize() * 7,
                        config.embeddingSize(),
                        config.hiddenSize(),
                        config.dropout(),
                        config.architecture(),
                        config.recurrent(),
                        config.transformer());
        BatchShape batch = new BatchShape(3, 7, 5, 15, 11);
        ModelFlops small = FlopCount.of(config, batch);
        ModelFlops large = FlopCount.of(bigger, batch);
        for (Block block : Block.values()) {
            long factor = block == Block.OUTPUT_PROJECTION ? 7 : 1;
            assertEquals(
                    factor * small.block(block).forward(),
                    large.block(block).forward(),
                    block.label());
            assertEquals(
                    factor * small.block(block).backward(),
                    large.block(block).backward(),
                    block.label());
        }
    }

    @Test
    void theAdditiveKeyProjectionRunsOncePerBatchStepwiseOrFused() {
        // Luong without input feeding attends once for all T steps; with input feeding once per
        // step. The keys are projected once per batch either way, so the counts are equal.
        Seq2SeqConfig.Builder luong = reference().optDecoder(DecoderType.LUONG);
        Seq2SeqConfig fused = luong.optInputFeeding(false).build();
        Seq2SeqConfig stepwise = luong.optInputFeeding(true).build();
        BatchShape batch = BatchShape.full(3, 7, 5);
        assertEquals(
                FlopCount.of(fused, batch).block(Block.ATTENTION).forward(),
                FlopCount.of(stepwise, batch).block(Block.ATTENTION).forward());
        // and they hold one key projection (B·S, M) x (M, A), not T
        Seq2SeqConfig dot =
                luong.optInputFeeding(false)
                        .optAttention(ScoreType.GENERAL, fused.recurrent().attentionSize())
                        .build();
        long keyProjection = 2L * 3 * 7 * fused.memorySize() * fused.recurrent().attentionSize();
        long generalScore =
                2L * 3 * 5 * dot.hiddenSize() * dot.memorySize()
                        + 2L * 3 * 5 * 7 * dot.memorySize();
        long additiveScore =
                2L * 3 * 5 * fused.hiddenSize() * fused.recurrent().attentionSize()
                        + 2L * 3 * 5 * 7 * fused.recurrent().attentionSize();
        assertEquals(
                keyProjection + additiveScore - generalScore,
                FlopCount.of(fused, batch).block(Block.ATTENTION).forward()
                        - FlopCount.of(dot, batch).block(Block.ATTENTION).forward());
    }

    @Test
    void aSmallBahdanauModelCountedByHand() {
        // GRU (G = 3), E = 2, H = 3, bidirectional (M = 6), L = 1, additive A = 4, V = 7
        Seq2SeqConfig config =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(9, 7)
                        .optEmbeddingSize(2)
                        .optHiddenSize(3)
                        .optAttention(ScoreType.ADDITIVE, 4)
                        .build();
        // B = 2, S = 5, T = 4; 8 real source tokens, 6 real target tokens
        ModelFlops flops = FlopCount.of(config, new BatchShape(2, 5, 4, 8, 6));
        // 8 tokens x 2 directions x 2·(3·3)·(2 + 3)
        assertEquals(8 * 2 * 90, flops.block(Block.ENCODER).forward());
        // (B·L, M) x (M, H): 2·2·6·3
        assertEquals(72, flops.block(Block.BRIDGE).forward());
        // B·T = 8 rows x 2·9·(E + M + H = 11)
        assertEquals(8 * 198, flops.block(Block.DECODER_CELL).forward());
        // W_k 2·10·6·4 once + T = 4 steps x (W_q 2·2·3·4 + v 2·10·4 + context 2·2·5·6)
        assertEquals(480 + 4 * (48 + 80 + 120), flops.block(Block.ATTENTION).forward());
        // (B·T, H + M + E) x (., 2H): 2·8·11·6
        assertEquals(1056, flops.block(Block.READOUT).forward());
        // (B·T, H) x (H, V): 2·8·3·7
        assertEquals(336, flops.block(Block.OUTPUT_PROJECTION).forward());
        // B·(S + T)·E additions
        assertEquals(36, flops.block(Block.EMBEDDING).backward());
        assertEquals(1440 + 72 + 1584 + 1472 + 1056 + 336, flops.forward());
        assertEquals(2 * flops.forward() + 36, flops.backward());
        assertEquals((3 * 5960 + 36) / 6.0, flops.perTargetToken(flops.total()), 1e-9);
    }

    @Test
    void productsNameTheModelsLargestShapes() {
        Seq2SeqConfig config = reference().build();
        List<MatrixProduct> products = FlopCount.products(config, BatchShape.full(4, 6, 5));
        MatrixProduct output = products.get(0);
        assertEquals(4 * 5, output.m());
        assertEquals(config.hiddenSize(), output.k());
        assertEquals(config.targetVocabularySize(), output.n());
        assertTrue(products.stream().anyMatch(p -> p.name().startsWith("additive key")));
        Seq2SeqConfig plain = reference().optDecoder(DecoderType.PLAIN).build();
        assertTrue(
                FlopCount.products(plain, BatchShape.full(4, 6, 5)).stream()
                        .noneMatch(p -> p.name().contains("key") || p.name().contains("readout")));
    }
}
