package dev.seq2seq.cli;

import dev.seq2seq.attention.ScoreType;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.BridgeType;
import dev.seq2seq.nn.CellType;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.PositionalEncodingType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.TransformerSettings;

import picocli.CommandLine.Option;

/**
 * The architecture options of {@code train} and {@code benchmark}. Their defaults are read from the
 * library's {@link Seq2SeqConfig#builder()} (the reference model, and its Transformer settings), so
 * the command line and the library cannot disagree; {@code --help} shows them. With {@code
 * --architecture TRANSFORMER} the model size D is {@code --hidden} (and {@code --embedding}, if
 * given, must equal it); the recurrent options are then unused.
 */
final class ModelOptions {

    private static final Seq2SeqConfig REFERENCE =
            Seq2SeqConfig.builder().setVocabularySizes(5, 5).build();

    private static final TransformerSettings TRANSFORMER =
            Seq2SeqConfig.builder()
                    .setVocabularySizes(5, 5)
                    .optArchitecture(Architecture.TRANSFORMER)
                    .build()
                    .transformer();

    @Option(
            names = "--architecture",
            description =
                    "RECURRENT or TRANSFORMER (Vaswani et al. 2017; D = --hidden)"
                            + " (default: ${DEFAULT-VALUE})")
    Architecture architecture = REFERENCE.architecture();

    @Option(names = "--heads", description = "Transformer: heads h (default: ${DEFAULT-VALUE})")
    int heads = TRANSFORMER.heads();

    @Option(
            names = "--ffn",
            description = "Transformer: feed-forward size d_ff (default: ${DEFAULT-VALUE})")
    int feedForward = TRANSFORMER.feedForwardSize();

    @Option(
            names = "--encoder-layers",
            description = "Transformer: encoder layers (default: ${DEFAULT-VALUE})")
    int encoderLayers = TRANSFORMER.encoderLayers();

    @Option(
            names = "--decoder-layers",
            description = "Transformer: decoder layers (default: ${DEFAULT-VALUE})")
    int decoderLayers = TRANSFORMER.decoderLayers();

    @Option(
            names = "--positional",
            description =
                    "Transformer: SINUSOIDAL or LEARNED positions (default: ${DEFAULT-VALUE})")
    PositionalEncodingType positional = TRANSFORMER.positionalEncoding();

    @Option(
            names = "--max-positions",
            description =
                    "Transformer: positions of a LEARNED encoding (default: ${DEFAULT-VALUE})")
    int maxPositions = TRANSFORMER.maxPositions();

    @Option(
            names = "--norm",
            description =
                    "Transformer: PRE or POST (the paper's) layer norm (default: ${DEFAULT-VALUE})")
    NormPlacement norm = TRANSFORMER.normPlacement();

    @Option(
            names = "--share-embeddings",
            description = "Transformer: the output projection is the target embedding transposed")
    boolean shareEmbeddings = TRANSFORMER.shareTargetEmbedding();

    @Option(
            names = "--attention-score-floor",
            description =
                    "Transformer: raise attention scores more than F below their row's largest to"
                            + " that floor, against subnormal slow-downs (our departure from the"
                            + " paper; notebook 09 uses 50) (default: ${DEFAULT-VALUE}, none)")
    float attentionScoreFloor = TRANSFORMER.attentionScoreFloor();

    @Option(names = "--cell", description = "RNN, GRU or LSTM (default: ${DEFAULT-VALUE})")
    CellType cell = REFERENCE.recurrent().cell();

    @Option(
            names = "--decoder",
            description = "PLAIN, BAHDANAU or LUONG (default: ${DEFAULT-VALUE})")
    DecoderType decoder = REFERENCE.recurrent().decoder();

    @Option(
            names = "--attention",
            description =
                    "score: DOT, SCALED_DOT, GENERAL, CONCAT, ADDITIVE or COSINE, any case, - for _"
                            + " (default: ${DEFAULT-VALUE})",
            converter = ScoreNameConverter.class)
    ScoreType attention = REFERENCE.recurrent().attentionScore();

    @Option(names = "--attention-size", description = "A (default: ${DEFAULT-VALUE})")
    int attentionSize = REFERENCE.recurrent().attentionSize();

    @Option(
            names = "--local-window",
            description =
                    "half-width W > 0 for local-p attention (default: ${DEFAULT-VALUE}, global)")
    int localWindow = REFERENCE.recurrent().localWindow();

    @Option(names = "--input-feeding", description = "Luong input feeding")
    boolean inputFeeding = REFERENCE.recurrent().inputFeeding();

    @Option(names = "--embedding", description = "E (default: ${DEFAULT-VALUE})")
    int embedding = REFERENCE.embeddingSize();

    @Option(names = "--hidden", description = "H (default: ${DEFAULT-VALUE})")
    int hidden = REFERENCE.hiddenSize();

    @Option(names = "--layers", description = "L (default: ${DEFAULT-VALUE})")
    int layers = REFERENCE.recurrent().layers();

    @Option(
            names = "--bidirectional",
            negatable = true,
            fallbackValue = "true",
            description = "bidirectional encoder (default: ${DEFAULT-VALUE})")
    boolean bidirectional = REFERENCE.recurrent().bidirectional();

    @Option(names = "--dropout", description = "dropout rate (default: ${DEFAULT-VALUE})")
    float dropout = REFERENCE.dropout();

    @Option(names = "--bridge", description = "NONE, COPY or LINEAR (default: ${DEFAULT-VALUE})")
    BridgeType bridge = REFERENCE.recurrent().bridge();

    /**
     * Returns the configuration for the given vocabulary sizes.
     *
     * @param sourceVocabulary V_src
     * @param targetVocabulary V
     * @return the configuration
     */
    Seq2SeqConfig config(int sourceVocabulary, int targetVocabulary) {
        boolean transformer = architecture == Architecture.TRANSFORMER;
        // a Transformer's D is --hidden; an --embedding left at its default follows it
        int e = transformer && embedding == REFERENCE.embeddingSize() ? hidden : embedding;
        return Seq2SeqConfig.builder()
                .optArchitecture(architecture)
                .optHeads(heads)
                .optFeedForwardSize(feedForward)
                .optTransformerLayers(encoderLayers, decoderLayers)
                .optPositionalEncoding(positional, maxPositions)
                .optNormPlacement(norm)
                .optShareTargetEmbedding(shareEmbeddings)
                .optAttentionScoreFloor(attentionScoreFloor)
                .setVocabularySizes(sourceVocabulary, targetVocabulary)
                .optCell(cell)
                .optDecoder(decoder)
                .optAttention(attention, attentionSize)
                .optLocalWindow(localWindow)
                .optInputFeeding(inputFeeding)
                .optEmbeddingSize(e)
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
