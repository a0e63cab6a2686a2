package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.BatchShape;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.TransformerSettings;
import dev.seq2seq.perf.ModelFlops.Block;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

class TransformerFlopCountTest {

    static Stream<Seq2SeqConfig> configs() {
        Seq2SeqConfig.Builder base =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(13, 11)
                        .optArchitecture(Architecture.TRANSFORMER)
                        .optModelSize(8)
                        .optHeads(2)
                        .optFeedForwardSize(12)
                        .optDropout(0f);
        return Stream.of(
                base.optTransformerLayers(1, 2).build(),
                base.optTransformerLayers(2, 1)
                        .optNormPlacement(NormPlacement.POST)
                        .optShareTargetEmbedding(true)
                        .build());
    }

    /** The weight entries (biases, γ and β excluded) of the parameters whose path matches. */
    private static long weights(Seq2SeqModel model, Predicate<String> path) {
        long count = 0;
        for (Pair<String, Parameter> p : model.getParameters()) {
            String name = p.getKey().replaceAll("(^|_)\\d\\d", "$1"); // 02decoder_03layer0 -> ...
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
            long encoderSelf = weights(model, n -> n.matches("encoder_layer\\d_selfAttention_.*"));
            long decoderSelf = weights(model, n -> n.matches("decoder_layer\\d_selfAttention_.*"));
            long cross = weights(model, n -> n.matches("decoder_layer\\d_crossAttention_.*"));
            long ffn = weights(model, n -> n.matches("(en|de)coder_layer\\d_feedForward_.*"));
            long output = weights(model, n -> n.startsWith("decoder_output_"));
            if (config.transformer().shareTargetEmbedding()) {
                output = weights(model, n -> n.equals("decoder_embedding_weight"));
            }
            TransformerSettings t = config.transformer();
            long d = config.modelSize();
            // each attention adds two weight-free products at S = T = 1: Q K^T and weights · V
            assertEquals(
                    2 * encoderSelf + t.encoderLayers() * 4 * d,
                    flops.block(Block.ENCODER_SELF_ATTENTION).forward());
            assertEquals(
                    2 * decoderSelf + t.decoderLayers() * 4 * d,
                    flops.block(Block.DECODER_SELF_ATTENTION).forward());
            assertEquals(
                    2 * cross + t.decoderLayers() * 4 * d,
                    flops.block(Block.CROSS_ATTENTION).forward());
            assertEquals(2 * ffn, flops.block(Block.FEED_FORWARD).forward());
            assertEquals(2 * output, flops.block(Block.OUTPUT_PROJECTION).forward());
            for (Block recurrent :
                    List.of(
                            Block.ENCODER,
                            Block.BRIDGE,
                            Block.ATTENTION,
                            Block.DECODER_CELL,
                            Block.READOUT)) {
                assertEquals(0, flops.block(recurrent).total(), recurrent.label());
            }
        }
    }

    @Test
    void aHandComputedCase() {
        // D = 4, h = 2, F = 8, one layer each, V = 5; B = 1, S = 2, T = 3
        Seq2SeqConfig config =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(6, 5)
                        .optArchitecture(Architecture.TRANSFORMER)
                        .optModelSize(4)
                        .optHeads(2)
                        .optFeedForwardSize(8)
                        .optTransformerLayers(1, 1)
                        .build();
        ModelFlops flops = FlopCount.of(config, BatchShape.full(1, 2, 3));
        // 4 projections 4 · 2·2·4·4 = 256, Q K^T 2·2·4·2 = 32, weights · V 2·2·2·4 = 32
        assertEquals(320, flops.block(Block.ENCODER_SELF_ATTENTION).forward());
        // 4 · 2·3·4·4 = 384, 2·3·4·3 = 72, 2·3·3·4 = 72
        assertEquals(528, flops.block(Block.DECODER_SELF_ATTENTION).forward());
        // W^Q, W^O 2 · 96, W^K, W^V on the memory 2 · 64, 2·3·4·2 = 48, 2·3·2·4 = 48
        assertEquals(416, flops.block(Block.CROSS_ATTENTION).forward());
        // (2 + 3) positions · (2·4·8 + 2·8·4)
        assertEquals(640, flops.block(Block.FEED_FORWARD).forward());
        assertEquals(120, flops.block(Block.OUTPUT_PROJECTION).forward()); // 2·3·4·5
        assertEquals(0, flops.block(Block.EMBEDDING).forward());
        assertEquals(20, flops.block(Block.EMBEDDING).backward()); // (2 + 3) · 4 additions
        assertEquals(2 * 416, flops.block(Block.CROSS_ATTENTION).backward());
        assertEquals(
                2 * (320 + 528 + 416 + 640 + 120) + 20 + 320 + 528 + 416 + 640 + 120,
                flops.total());
    }

    @Test
    void productsStartWithTheOutputProjection() {
        Seq2SeqConfig config = configs().findFirst().orElseThrow();
        List<MatrixProduct> products = FlopCount.products(config, BatchShape.full(4, 6, 5));
        assertEquals(new MatrixProduct(products.get(0).name(), 20, 8, 11), products.get(0));
        assertEquals(4 * 6, products.get(1).m()); // encoder feed-forward over B·S rows
        assertEquals(12, products.get(1).n());
    }
}
