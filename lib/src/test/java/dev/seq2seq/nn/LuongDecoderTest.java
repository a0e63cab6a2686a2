package dev.seq2seq.nn;

import org.junit.jupiter.api.Nested;

/**
 * {@link LuongDecoder} against the decoder contract: with input feeding (step by step under teacher
 * forcing), without it (fused over T), and with local-p attention.
 */
class LuongDecoderTest extends DecoderContract {

    @Override
    Seq2SeqConfig config(Seq2SeqConfig.Builder base) {
        return base.optDecoder(DecoderType.LUONG)
                .optAttention("concat", 5)
                .optInputFeeding(true)
                .build();
    }

    @Override
    boolean attends() {
        return true;
    }

    @Nested
    class WithoutInputFeeding extends DecoderContract {
        @Override
        Seq2SeqConfig config(Seq2SeqConfig.Builder base) {
            return base.optDecoder(DecoderType.LUONG).optAttention("general", 5).build();
        }

        @Override
        boolean attends() {
            return true;
        }
    }

    @Nested
    class LocalP extends DecoderContract {
        @Override
        Seq2SeqConfig config(Seq2SeqConfig.Builder base) {
            return base.optDecoder(DecoderType.LUONG)
                    .optAttention("general", 5)
                    .optLocalWindow(1)
                    .build();
        }

        @Override
        boolean attends() {
            return true;
        }
    }
}
