package dev.seq2seq.nn;

import org.junit.jupiter.api.Nested;

/** {@link BahdanauDecoder} against the decoder contract, with a GRU and with a 2-layer LSTM. */
class BahdanauDecoderTest extends DecoderContract {

    @Override
    Seq2SeqConfig config(Seq2SeqConfig.Builder base) {
        return base.optDecoder(DecoderType.BAHDANAU).optAttention("additive", 5).build();
    }

    @Override
    boolean attends() {
        return true;
    }

    @Nested
    class TwoLayerLstm extends DecoderContract {
        @Override
        Seq2SeqConfig config(Seq2SeqConfig.Builder base) {
            return base.optDecoder(DecoderType.BAHDANAU)
                    .optCell(CellType.LSTM)
                    .optLayers(2)
                    .optAttention("general", 5)
                    .build();
        }

        @Override
        boolean attends() {
            return true;
        }
    }
}
