package dev.seq2seq.viz;

import dev.seq2seq.nn.BridgeType;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.NormPlacement;
import dev.seq2seq.nn.PositionalEncodingType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.TransformerSettings;
import dev.seq2seq.viz.BoxDiagram.Box;
import dev.seq2seq.viz.BoxDiagram.Route;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A picture of a model's architecture drawn from its {@link Seq2SeqConfig}, so that it cannot
 * disagree with the model the configuration builds: the encoder on the left, the decoder on the
 * right, attention between them, and on every arrow the tensor that flows along it, in the shape
 * letters of the library's javadoc (B batch, S source steps, T target steps, E embedding size, H
 * hidden size, M memory size, A attention size, D model size, V target vocabulary, V_src source
 * vocabulary). A legend under the picture gives each letter's value.
 *
 * <p>Recurrent models show the embedding, the encoder (cell, layers, direction), the bridge, the
 * attention (score, size, global or local-p window) or the fixed context of a model without
 * attention, the decoder and its output layer; Transformers show the embeddings with positional
 * encoding, the encoder and decoder layer stacks and the output projection.
 */
public final class ModelDiagram {

    private static final Color EMBEDDING = new Color(255, 243, 205);
    private static final Color ENCODER = new Color(214, 230, 250);
    private static final Color DECODER = new Color(218, 240, 218);
    private static final Color ATTENTION = new Color(255, 222, 196);
    private static final Color OUTPUT = new Color(232, 232, 232);

    private ModelDiagram() {}

    /**
     * Draws the model.
     *
     * @param config the model's configuration
     * @param title the title, e.g. {@code Bahdanau attention model (notebook 04)}
     * @return the picture
     */
    public static BufferedImage of(Seq2SeqConfig config, String title) {
        return diagram(config, title).render();
    }

    /** Returns the diagram's boxes and arrows, for tests and for {@link #of}. */
    static BoxDiagram diagram(Seq2SeqConfig config, String title) {
        return config.isTransformer() ? transformer(config, title) : recurrent(config, title);
    }

    private static BoxDiagram recurrent(Seq2SeqConfig c, String title) {
        int m = c.memorySize();
        BoxDiagram d =
                new BoxDiagram(
                        title,
                        List.of(
                                "B batch, S source steps, T target steps (one step per token)",
                                String.format(
                                        Locale.ROOT,
                                        "E = %d, H = %d, M = %d%s%s, V_src = %,d, V = %,d",
                                        c.embeddingSize(),
                                        c.hiddenSize(),
                                        m,
                                        c.recurrent().bidirectional()
                                                ? " (2H: both directions)"
                                                : " (H)",
                                        c.recurrent().decoder() == DecoderType.PLAIN
                                                ? ""
                                                : ", A = " + c.recurrent().attentionSize(),
                                        c.sourceVocabularySize(),
                                        c.targetVocabularySize())));
        String layers =
                c.recurrent().layers() == 1 ? "1 layer" : c.recurrent().layers() + " layers";
        String cell = c.recurrent().cell().name();
        Box source = d.box(0, 0, null, "source tokens", "x_1 .. x_S");
        Box sourceEmbedding =
                embedding(d, 0, "source embedding", "V_src x E", c.sourceVocabularySize(), c);
        Box encoder =
                d.box(
                        0,
                        2,
                        ENCODER,
                        "encoder: "
                                + (c.recurrent().bidirectional() ? "bidirectional " : "")
                                + cell,
                        layers
                                + ", H = "
                                + c.hiddenSize()
                                + (c.recurrent().bidirectional() ? " per direction" : ""));
        Box bridge = d.box(0, 3, OUTPUT, "bridge", bridgeText(c.recurrent().bridge()));
        Box target = d.box(2, 0, null, "target tokens (shifted)", "<bos> y_1 .. y_T-1");
        Box targetEmbedding =
                embedding(d, 2, "target embedding", "V x E", c.targetVocabularySize(), c);
        Box decoder =
                d.box(2, 3, DECODER, "decoder: " + cell + ", " + decoderName(c), decoderText(c));
        Box output = d.box(2, 4, OUTPUT, "output layer", outputText(c));
        Box logits = d.box(2, 5, null, "logits", "softmax gives p(y_t | y_<t, x)");
        d.arrow(source, sourceEmbedding, "(B, S)", Route.DOWN, 0);
        d.arrow(sourceEmbedding, encoder, "(B, S, E)", Route.DOWN, 0);
        d.arrow(encoder, bridge, "final state\n(B, M)", Route.DOWN, 0);
        d.arrow(bridge, decoder, "initial state s_0\n(B, H) per layer", Route.RIGHT, 16);
        d.arrow(target, targetEmbedding, "(B, T)", Route.DOWN, 0);
        d.arrow(targetEmbedding, decoder, "(B, T, E)", Route.DOWN, 0);
        d.arrow(decoder, output, "(B, T, H)", Route.DOWN, 0);
        d.arrow(output, logits, "(B, T, V)", Route.DOWN, 0);
        if (c.recurrent().decoder() == DecoderType.PLAIN) {
            d.arrow(encoder, decoder, "fixed context c\n(B, M), every step", Route.RIGHT_DOWN, -16);
        } else {
            Box attention =
                    d.box(
                            1,
                            2,
                            ATTENTION,
                            "attention: "
                                    + c.recurrent()
                                            .attentionScore()
                                            .name()
                                            .toLowerCase(Locale.ROOT)
                                            .replace('_', '-')
                                    + " score",
                            attentionText(c));
            d.arrow(encoder, attention, "memory\n(B, S, M)", Route.RIGHT, 0);
            if (c.recurrent().decoder()
                    == DecoderType.LUONG) { // c_t enters the attentional state h~_t
                d.arrow(attention, output, "context c_t\n(B, M)", Route.DOWN_RIGHT, 0);
            } else {
                d.arrow(attention, decoder, "context c_t\n(B, M)", Route.DOWN_RIGHT, -16);
            }
        }
        return d;
    }

    private static BoxDiagram transformer(Seq2SeqConfig c, String title) {
        TransformerSettings t = c.transformer();
        int dModel = c.modelSize();
        BoxDiagram d =
                new BoxDiagram(
                        title,
                        List.of(
                                "B batch, S source steps, T target steps (one step per unit)",
                                String.format(
                                        Locale.ROOT,
                                        "D = %d, h = %d heads of D/h = %d, d_ff = %d, V_src = %,d,"
                                                + " V = %,d",
                                        dModel,
                                        t.heads(),
                                        dModel / t.heads(),
                                        t.feedForwardSize(),
                                        c.sourceVocabularySize(),
                                        c.targetVocabularySize())));
        String positions =
                t.positionalEncoding() == PositionalEncodingType.SINUSOIDAL
                        ? "+ sinusoidal positions"
                        : "+ learned positions";
        String norm =
                t.normPlacement() == NormPlacement.PRE
                        ? "pre-norm residuals, final layer norm"
                        : "post-norm residuals (as in the paper)";
        Box source = d.box(0, 0, null, "source units", "x_1 .. x_S");
        String embeddingTitle = "embedding x sqrt(D) " + positions;
        Box sourceEmbedding =
                embedding(d, 0, embeddingTitle, "V_src x D", c.sourceVocabularySize(), c);
        Box encoder =
                d.box(
                        0,
                        2,
                        ENCODER,
                        "encoder: " + t.encoderLayers() + " x layer",
                        "self-attention (h = " + t.heads() + ") + feed-forward",
                        norm);
        Box target = d.box(2, 0, null, "target units (shifted)", "<bos> y_1 .. y_T-1");
        Box targetEmbedding = embedding(d, 2, embeddingTitle, "V x D", c.targetVocabularySize(), c);
        Box decoder =
                d.box(
                        2,
                        3,
                        DECODER,
                        "decoder: " + t.decoderLayers() + " x layer",
                        "masked self-attention, cross-attention",
                        "+ feed-forward; "
                                + (t.normPlacement() == NormPlacement.PRE
                                        ? "pre-norm"
                                        : "post-norm"));
        Box output =
                d.box(
                        2,
                        4,
                        OUTPUT,
                        "output projection D -> V",
                        t.shareTargetEmbedding()
                                ? "the target embedding, transposed"
                                : "its own (D, V) weights and bias");
        Box logits = d.box(2, 5, null, "logits", "softmax gives p(y_t | y_<t, x)");
        d.arrow(source, sourceEmbedding, "(B, S)", Route.DOWN, 0);
        d.arrow(sourceEmbedding, encoder, "(B, S, D)", Route.DOWN, 0);
        d.arrow(encoder, decoder, "memory\n(B, S, D)", Route.RIGHT_DOWN, 0);
        d.arrow(target, targetEmbedding, "(B, T)", Route.DOWN, 0);
        d.arrow(targetEmbedding, decoder, "(B, T, D)", Route.DOWN, 0);
        d.arrow(decoder, output, "(B, T, D)", Route.DOWN, 0);
        d.arrow(output, logits, "(B, T, V)", Route.DOWN, 0);
        return d;
    }

    /**
     * An embedding box in row 1: its title and its table's size, e.g. {@code V x E = 8,298 x 256}.
     */
    private static Box embedding(
            BoxDiagram d,
            int column,
            String title,
            String letters,
            int vocabulary,
            Seq2SeqConfig c) {
        String size =
                String.format(Locale.ROOT, "%s = %,d x %d", letters, vocabulary, c.embeddingSize());
        return d.box(column, 1, EMBEDDING, title, size);
    }

    private static String bridgeText(BridgeType bridge) {
        return switch (bridge) {
            case NONE -> "zeros: the decoder starts empty";
            case COPY -> "copy: the final state as it is";
            case LINEAR -> "tanh(W h + b) of the final state";
        };
    }

    private static String decoderName(Seq2SeqConfig c) {
        return switch (c.recurrent().decoder()) {
            case PLAIN -> "no attention";
            case BAHDANAU -> "Bahdanau";
            case LUONG -> "Luong";
        };
    }

    private static String decoderText(Seq2SeqConfig c) {
        String size =
                (c.recurrent().layers() == 1 ? "1 layer" : c.recurrent().layers() + " layers")
                        + ", H = "
                        + c.hiddenSize();
        return switch (c.recurrent().decoder()) {
            case PLAIN -> size + "; input [e(y_t-1); c]";
            case BAHDANAU -> size + "; input [e(y_t-1); c_t]";
            case LUONG ->
                    size
                            + (c.recurrent().inputFeeding()
                                    ? "; input [e(y_t-1); h~_t-1]"
                                    : "; input e(y_t-1)");
        };
    }

    private static String attentionText(Seq2SeqConfig c) {
        String query = c.recurrent().decoder() == DecoderType.BAHDANAU ? "s_t-1" : "s_t";
        String where =
                c.recurrent().localWindow() > 0
                        ? "local-p, half-width " + c.recurrent().localWindow()
                        : "global";
        String size =
                switch (c.recurrent().attentionScore()) {
                    case CONCAT, ADDITIVE -> ", A = " + c.recurrent().attentionSize();
                    default -> "";
                };
        return where + size + "; query " + query + " (B, H)";
    }

    private static String outputText(Seq2SeqConfig c) {
        return switch (c.recurrent().decoder()) {
            case PLAIN -> "W s_t + b: H -> V";
            case BAHDANAU -> "maxout readout, then H -> V";
            case LUONG -> "h~_t = tanh(W_c [c_t; s_t]), then H -> V";
        };
    }
}
