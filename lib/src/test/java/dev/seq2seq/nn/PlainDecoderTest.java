package dev.seq2seq.nn;

/** {@link PlainDecoder} against the decoder contract. */
class PlainDecoderTest extends DecoderContract {

    @Override
    Seq2SeqConfig config(Seq2SeqConfig.Builder base) {
        return base.optDecoder(DecoderType.PLAIN).build();
    }

    @Override
    boolean attends() {
        return false;
    }
}
