package dev.seq2seq.nn;

import static dev.seq2seq.Checks.check;

import ai.djl.util.Preconditions;

import dev.seq2seq.attention.ScoreType;

/**
 * The architecture of a {@link dev.seq2seq.model.Seq2SeqModel}: immutable, saved as JSON with every
 * checkpoint. The part every model has is here; what only a recurrent model or only a Transformer
 * has is in its {@link RecurrentSettings} or {@link TransformerSettings}, exactly one of which is
 * present, as {@code architecture} says.
 *
 * @param sourceVocabularySize V_src
 * @param targetVocabularySize V (target)
 * @param embeddingSize E, for source and target embeddings
 * @param hiddenSize H, the decoder's hidden size and the recurrent encoder's per direction. A
 *     Transformer's model size D is both E and H (they must be equal: embeddings, positional
 *     encodings and every sublayer's output are added on one residual stream of size D)
 * @param dropout the dropout rate, in [0, 1)
 * @param architecture recurrent (the default; {@code null}, as in JSON written before this field
 *     existed, reads as recurrent) or Transformer
 * @param recurrent a recurrent model's own settings; {@code null} for a Transformer
 * @param transformer a Transformer's own settings; {@code null} for a recurrent model (so a
 *     recurrent model's JSON has no such field)
 */
public record Seq2SeqConfig(
        int sourceVocabularySize,
        int targetVocabularySize,
        int embeddingSize,
        int hiddenSize,
        float dropout,
        Architecture architecture,
        RecurrentSettings recurrent,
        TransformerSettings transformer) {

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException naming the first wrong value; if the settings of the other
     *     architecture are given or this one's are missing; for a recurrent model, if a dot,
     *     scaled-dot or cosine score is asked for while H differs from M; for a Transformer, if E
     *     differs from H or D is not divisible by h
     */
    public Seq2SeqConfig {
        if (architecture == null) {
            architecture = Architecture.RECURRENT;
        }
        check(sourceVocabularySize >= 5, "sourceVocabularySize", sourceVocabularySize);
        check(targetVocabularySize >= 5, "targetVocabularySize", targetVocabularySize);
        check(embeddingSize >= 1, "embeddingSize", embeddingSize);
        check(hiddenSize >= 1, "hiddenSize", hiddenSize);
        check(dropout >= 0 && dropout < 1, "dropout", dropout);
        if (architecture == Architecture.TRANSFORMER) {
            checkTransformer(embeddingSize, hiddenSize, transformer);
            Preconditions.checkArgument(
                    recurrent == null, "recurrent settings given for a TRANSFORMER");
        } else {
            if (transformer != null) {
                throw new IllegalArgumentException(
                        "Transformer settings given for a " + architecture + " model");
            }
            checkRecurrent(hiddenSize, recurrent);
        }
    }

    private static void checkRecurrent(int h, RecurrentSettings recurrent) {
        Preconditions.checkArgument(
                recurrent != null,
                "a RECURRENT model needs its settings (cell, layers, decoder...)");
        int memorySize = recurrent.bidirectional() ? 2 * h : h;
        if (recurrent.decoder() != DecoderType.PLAIN
                && recurrent.needsEqualSizes()
                && h != memorySize) {
            throw new IllegalArgumentException(
                    "the "
                            + recurrent.attentionScore()
                            + " score compares the decoder state (H = "
                            + h
                            + ") with encoder outputs of the same size, but M = "
                            + memorySize
                            + " (bidirectional encoder); use GENERAL, CONCAT or ADDITIVE");
        }
    }

    private static void checkTransformer(int e, int h, TransformerSettings transformer) {
        Preconditions.checkArgument(
                transformer != null, "a TRANSFORMER needs its settings (heads, d_ff...)");
        if (e != h) {
            throw new IllegalArgumentException(
                    "the Transformer's model size D is both embeddingSize and hiddenSize, but E = "
                            + e
                            + " and H = "
                            + h);
        }
        if (h % transformer.heads() != 0) {
            throw new IllegalArgumentException(
                    "the model size D = "
                            + h
                            + " is not divisible by the number of heads h = "
                            + transformer.heads());
        }
    }

    /**
     * Returns a builder with the defaults of the reference model: GRU, E = H = 256, one
     * bidirectional encoder layer, dropout 0.2, linear bridge, Bahdanau decoder with additive
     * attention (A = 256).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns M, the size of one encoder output: for a recurrent model 2H if bidirectional, else H;
     * for a Transformer its model size D.
     *
     * @return the memory size
     */
    public int memorySize() {
        if (architecture == Architecture.TRANSFORMER) {
            return hiddenSize;
        }
        return recurrent.bidirectional() ? 2 * hiddenSize : hiddenSize;
    }

    /**
     * Returns D, the Transformer's model size: {@code hiddenSize}, equal to {@code embeddingSize}.
     *
     * @return D
     */
    public int modelSize() {
        return hiddenSize;
    }

    /**
     * Whether this is a Transformer.
     *
     * @return {@code architecture() == TRANSFORMER}
     */
    public boolean isTransformer() {
        return architecture == Architecture.TRANSFORMER;
    }

    /** Builds a {@link Seq2SeqConfig}; the vocabulary sizes are required. */
    public static final class Builder {
        private int sourceVocabularySize;
        private int targetVocabularySize;
        private CellType cell = CellType.GRU;
        private int embeddingSize = 256;
        private int hiddenSize = 256;
        private int layers = 1;
        private boolean bidirectional = true;
        private float dropout = 0.2f;
        private BridgeType bridge = BridgeType.LINEAR;
        private DecoderType decoder = DecoderType.BAHDANAU;
        private ScoreType attentionScore = ScoreType.ADDITIVE;
        private int attentionSize = 256;
        private int localWindow;
        private boolean inputFeeding;
        private Architecture architecture = Architecture.RECURRENT;
        private int heads = 4;
        private int feedForwardSize = 1024;
        private int encoderLayers = 3;
        private int decoderLayers = 3;
        private PositionalEncodingType positionalEncoding = PositionalEncodingType.SINUSOIDAL;
        private int maxPositions = 256;
        private NormPlacement normPlacement = NormPlacement.PRE;
        private float attentionScoreFloor = 0f;
        private boolean shareTargetEmbedding;

        private Builder() {}

        /**
         * Chooses the architecture (default RECURRENT). The Transformer options below are used only
         * by {@link Architecture#TRANSFORMER}; the recurrent ones only by RECURRENT.
         *
         * @param architecture the architecture
         * @return this builder
         */
        public Builder optArchitecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /**
         * Sets the Transformer's model size D: both the embedding size and the hidden size (default
         * 256).
         *
         * @param d D
         * @return this builder
         */
        public Builder optModelSize(int d) {
            this.embeddingSize = d;
            this.hiddenSize = d;
            return this;
        }

        /**
         * @param heads h, the Transformer's attention heads; must divide D (default 4)
         * @return this builder
         */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /**
         * @param size d_ff, the Transformer's feed-forward inner size (default 1024)
         * @return this builder
         */
        public Builder optFeedForwardSize(int size) {
            this.feedForwardSize = size;
            return this;
        }

        /**
         * Sets the Transformer's numbers of layers (default 3 and 3).
         *
         * @param encoder N_enc
         * @param decoder N_dec
         * @return this builder
         */
        public Builder optTransformerLayers(int encoder, int decoder) {
            this.encoderLayers = encoder;
            this.decoderLayers = decoder;
            return this;
        }

        /**
         * Sets the Transformer's positional encoding (default SINUSOIDAL) and the positions a
         * learned one covers (default 256).
         *
         * @param type sinusoidal or learned
         * @param maxPositions the longest sentence a learned encoding handles
         * @return this builder
         */
        public Builder optPositionalEncoding(PositionalEncodingType type, int maxPositions) {
            this.positionalEncoding = type;
            this.maxPositions = maxPositions;
            return this;
        }

        /**
         * @param placement PRE (default) or POST (the paper's)
         * @return this builder
         */
        public Builder optNormPlacement(NormPlacement placement) {
            this.normPlacement = placement;
            return this;
        }

        /**
         * @param share whether the output projection is the target embedding transposed (default
         *     false)
         * @return this builder
         */
        public Builder optShareTargetEmbedding(boolean share) {
            this.shareTargetEmbedding = share;
            return this;
        }

        /**
         * Opts in to our one departure from the paper's attention: every scaled score more than
         * {@code floor} below its row's largest visible score is raised to that floor before the
         * softmax, so that sharpening heads do not drive the softmax's gradients into subnormal
         * floats, which the reference CPU multiplies about 200 times slower (the measurements are
         * in the README's command-line section). Notebook 09 trains with 50.
         *
         * @param floor 0 for none (default, the paper's attention), otherwise &gt; 0, in units of
         *     the scaled score
         * @return this builder
         */
        public Builder optAttentionScoreFloor(float floor) {
            this.attentionScoreFloor = floor;
            return this;
        }

        /**
         * Sets the vocabulary sizes (required).
         *
         * @param source V_src
         * @param target V
         * @return this builder
         */
        public Builder setVocabularySizes(int source, int target) {
            this.sourceVocabularySize = source;
            this.targetVocabularySize = target;
            return this;
        }

        /**
         * @param cell the cell (default GRU)
         * @return this builder
         */
        public Builder optCell(CellType cell) {
            this.cell = cell;
            return this;
        }

        /**
         * @param size E (default 256)
         * @return this builder
         */
        public Builder optEmbeddingSize(int size) {
            this.embeddingSize = size;
            return this;
        }

        /**
         * @param size H (default 256)
         * @return this builder
         */
        public Builder optHiddenSize(int size) {
            this.hiddenSize = size;
            return this;
        }

        /**
         * @param layers L (default 1)
         * @return this builder
         */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /**
         * @param bidirectional whether the encoder is bidirectional (default true)
         * @return this builder
         */
        public Builder optBidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return this;
        }

        /**
         * @param dropout the dropout rate (default 0.2)
         * @return this builder
         */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * @param bridge the bridge (default LINEAR)
         * @return this builder
         */
        public Builder optBridge(BridgeType bridge) {
            this.bridge = bridge;
            return this;
        }

        /**
         * @param decoder the decoder (default BAHDANAU)
         * @return this builder
         */
        public Builder optDecoder(DecoderType decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Sets the attention scoring function and its hidden size (defaults ADDITIVE, 256).
         *
         * @param score the score
         * @param size A, the hidden size of the concat and additive scores
         * @return this builder
         */
        public Builder optAttention(ScoreType score, int size) {
            this.attentionScore = score;
            this.attentionSize = size;
            return this;
        }

        /**
         * Sets the attention scoring function by name, as {@link ScoreType#fromString} reads it.
         *
         * @param score the score name, e.g. {@code "additive"} or {@code "scaled-dot"}
         * @param size A
         * @return this builder
         * @throws IllegalArgumentException if the name is unknown; the message lists the names
         */
        public Builder optAttention(String score, int size) {
            return optAttention(ScoreType.fromString(score), size);
        }

        /**
         * @param window 0 for global, a half-width W > 0 for local-p (default 0)
         * @return this builder
         */
        public Builder optLocalWindow(int window) {
            this.localWindow = window;
            return this;
        }

        /**
         * @param inputFeeding Luong input feeding (default false)
         * @return this builder
         */
        public Builder optInputFeeding(boolean inputFeeding) {
            this.inputFeeding = inputFeeding;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the first wrong value
         */
        public Seq2SeqConfig build() {
            boolean transformer = architecture == Architecture.TRANSFORMER;
            return new Seq2SeqConfig(
                    sourceVocabularySize,
                    targetVocabularySize,
                    embeddingSize,
                    hiddenSize,
                    dropout,
                    architecture,
                    transformer
                            ? null
                            : new RecurrentSettings(
                                    cell,
                                    layers,
                                    bidirectional,
                                    bridge,
                                    decoder,
                                    attentionScore,
                                    attentionSize,
                                    localWindow,
                                    inputFeeding),
                    transformer
                            ? new TransformerSettings(
                                    heads,
                                    feedForwardSize,
                                    encoderLayers,
                                    decoderLayers,
                                    positionalEncoding,
                                    maxPositions,
                                    normPlacement,
                                    shareTargetEmbedding,
                                    attentionScoreFloor)
                            : null);
        }
    }
}
