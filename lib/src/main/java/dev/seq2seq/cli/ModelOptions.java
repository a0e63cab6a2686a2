package dev.seq2seq.cli;

import dev.seq2seq.nn.BridgeType;
import dev.seq2seq.nn.CellType;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;

import picocli.CommandLine.Option;

/**
 * The architecture options of {@code train}; the defaults are the library's ({@link
 * Seq2SeqConfig#builder()}), the reference model.
 */
final class ModelOptions {

    /** The library's defaults (the vocabulary sizes are placeholders). */
    private static final Seq2SeqConfig DEFAULTS =
            Seq2SeqConfig.builder().setVocabularySizes(100, 100).build();

    @Option(names = "--cell", description = "RNN, GRU or LSTM (default: ${DEFAULT-VALUE})")
    CellType cell = DEFAULTS.cell();

    @Option(
            names = "--decoder",
            description = "PLAIN, BAHDANAU or LUONG (default: ${DEFAULT-VALUE})")
    DecoderType decoder = DEFAULTS.decoder();

    @Option(
            names = "--attention",
            description =
                    "score: dot, scaled-dot, general, concat, additive, cosine (default: ${DEFAULT-VALUE})")
    String attention = DEFAULTS.attentionScore();

    @Option(names = "--attention-size", description = "A (default: ${DEFAULT-VALUE})")
    int attentionSize = DEFAULTS.attentionSize();

    @Option(
            names = "--local-window",
            description = "D > 0 for local-p attention (default: ${DEFAULT-VALUE}, global)")
    int localWindow = DEFAULTS.localWindow();

    @Option(names = "--input-feeding", description = "Luong input feeding")
    boolean inputFeeding = DEFAULTS.inputFeeding();

    @Option(names = "--embedding", description = "E (default: ${DEFAULT-VALUE})")
    int embedding = DEFAULTS.embeddingSize();

    @Option(names = "--hidden", description = "H (default: ${DEFAULT-VALUE})")
    int hidden = DEFAULTS.hiddenSize();

    @Option(names = "--layers", description = "L (default: ${DEFAULT-VALUE})")
    int layers = DEFAULTS.layers();

    @Option(
            names = "--bidirectional",
            negatable = true,
            fallbackValue = "true",
            description = "bidirectional encoder (default: ${DEFAULT-VALUE})")
    boolean bidirectional = DEFAULTS.bidirectional();

    @Option(names = "--dropout", description = "dropout rate (default: ${DEFAULT-VALUE})")
    float dropout = DEFAULTS.dropout();

    @Option(names = "--bridge", description = "NONE, COPY or LINEAR (default: ${DEFAULT-VALUE})")
    BridgeType bridge = DEFAULTS.bridge();

    /**
     * Returns the configuration for the given vocabulary sizes.
     *
     * @param sourceVocabulary V_src
     * @param targetVocabulary V
     * @return the configuration
     */
    Seq2SeqConfig config(int sourceVocabulary, int targetVocabulary) {
        return Seq2SeqConfig.builder()
                .setVocabularySizes(sourceVocabulary, targetVocabulary)
                .optCell(cell)
                .optDecoder(decoder)
                .optAttention(attention, attentionSize)
                .optLocalWindow(localWindow)
                .optInputFeeding(inputFeeding)
                .optEmbeddingSize(embedding)
                .optHiddenSize(hidden)
                .optLayers(layers)
                .optBidirectional(bidirectional)
                .optDropout(dropout)
                .optBridge(bridge)
                .build();
    }
}
