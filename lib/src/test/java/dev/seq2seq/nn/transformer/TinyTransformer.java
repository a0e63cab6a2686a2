package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.Seeds;

/** Small seeded Transformer blocks for tests: V_src = 12, V = 11, D = 8, h = 2, d_ff = 16. */
final class TinyTransformer {

    static final int D = 8;
    static final int V = 11;

    private TinyTransformer() {}

    static Seq2SeqConfig config(NormPlacement placement) {
        return Seq2SeqConfig.builder()
                .setVocabularySizes(12, V)
                .optArchitecture(Architecture.TRANSFORMER)
                .optModelSize(D)
                .optHeads(2)
                .optFeedForwardSize(16)
                .optTransformerLayers(2, 2)
                .optNormPlacement(placement)
                .optDropout(0f)
                .build();
    }

    static TransformerDecoder decoder(NDManager manager, Seq2SeqConfig config) {
        Seeds.seedEverything(3);
        TransformerDecoder decoder = new TransformerDecoder(config);
        decoder.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
        return decoder;
    }

    static TransformerEncoder encoder(NDManager manager, Seq2SeqConfig config) {
        Seeds.seedEverything(4);
        TransformerEncoder encoder = new TransformerEncoder(config);
        encoder.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1));
        return encoder;
    }
}
