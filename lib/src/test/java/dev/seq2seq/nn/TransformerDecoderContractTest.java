package dev.seq2seq.nn;

import org.junit.jupiter.api.Nested;

/**
 * {@code nn.transformer.TransformerDecoder} against the decoder contract: pre-norm with the
 * sinusoidal encoding, and post-norm with a learned encoding and a shared target embedding. D = 8,
 * h = 2, two decoder layers.
 */
class TransformerDecoderContractTest extends DecoderContract {

    static Seq2SeqConfig.Builder transformer(Seq2SeqConfig.Builder base) {
        return base.optArchitecture(Architecture.TRANSFORMER)
                .optModelSize(H)
                .optHeads(2)
                .optFeedForwardSize(16)
                .optTransformerLayers(1, 2);
    }

    @Override
    Seq2SeqConfig config(Seq2SeqConfig.Builder base) {
        return transformer(base).build();
    }

    @Override
    boolean attends() {
        return true;
    }

    @Nested
    class PostNormLearnedShared extends DecoderContract {
        @Override
        Seq2SeqConfig config(Seq2SeqConfig.Builder base) {
            return transformer(base)
                    .optNormPlacement(NormPlacement.POST)
                    .optPositionalEncoding(PositionalEncodingType.LEARNED, 16)
                    .optShareTargetEmbedding(true)
                    .build();
        }

        @Override
        boolean attends() {
            return true;
        }
    }
}
