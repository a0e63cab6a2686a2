package dev.seq2seq.cli;

import dev.seq2seq.attention.ScoreType;
import dev.seq2seq.nn.BridgeType;
import dev.seq2seq.nn.CellType;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;

import picocli.CommandLine.Option;

/**
 * The architecture options of {@code train}. Their defaults are read from the library's {@link
 * Seq2SeqConfig#builder()} (the reference model), so the command line and the library cannot
 * disagree; {@code --help} shows them.
 */
final class ModelOptions {

    private static final Seq2SeqConfig REFERENCE =
            Seq2SeqConfig.builder().setVocabularySizes(5, 5).build();

    @Option(names = "--cell", description = "RNN, GRU or LSTM (default: ${DEFAULT-VALUE})")
    CellType cell = REFERENCE.cell();

    @Option(
            names = "--decoder",
            description = "PLAIN, BAHDANAU or LUONG (default: ${DEFAULT-VALUE})")
    DecoderType decoder = REFERENCE.decoder();

    @Option(
            names = "--attention",
            description =
                    "score: DOT, SCALED_DOT, GENERAL, CONCAT, ADDITIVE or COSINE, any case, - for _"
                            + " (default: ${DEFAULT-VALUE})",
            converter = ScoreNameConverter.class)
    ScoreType attention = REFERENCE.attentionScore();

    @Option(names = "--attention-size", description = "A (default: ${DEFAULT-VALUE})")
    int attentionSize = REFERENCE.attentionSize();

    @Option(
            names = "--local-window",
            description = "D > 0 for local-p attention (default: ${DEFAULT-VALUE}, global)")
    int localWindow = REFERENCE.localWindow();

    @Option(names = "--input-feeding", description = "Luong input feeding")
    boolean inputFeeding = REFERENCE.inputFeeding();

    @Option(names = "--embedding", description = "E (default: ${DEFAULT-VALUE})")
    int embedding = REFERENCE.embeddingSize();

    @Option(names = "--hidden", description = "H (default: ${DEFAULT-VALUE})")
    int hidden = REFERENCE.hiddenSize();

    @Option(names = "--layers", description = "L (default: ${DEFAULT-VALUE})")
    int layers = REFERENCE.layers();

    @Option(
            names = "--bidirectional",
            negatable = true,
            fallbackValue = "true",
            description = "bidirectional encoder (default: ${DEFAULT-VALUE})")
    boolean bidirectional = REFERENCE.bidirectional();

    @Option(names = "--dropout", description = "dropout rate (default: ${DEFAULT-VALUE})")
    float dropout = REFERENCE.dropout();

    @Option(names = "--bridge", description = "NONE, COPY or LINEAR (default: ${DEFAULT-VALUE})")
    BridgeType bridge = REFERENCE.bridge();

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

    /** Reads a score name the way the library does ({@link ScoreType#fromString}). */
    static final class ScoreNameConverter implements picocli.CommandLine.ITypeConverter<ScoreType> {
        @Override
        public ScoreType convert(String value) {
            return ScoreType.fromString(value);
        }
    }
}
