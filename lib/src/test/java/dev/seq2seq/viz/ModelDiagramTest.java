package dev.seq2seq.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Stream;

class ModelDiagramTest {

    private static Seq2SeqConfig.Builder recurrent() {
        return Seq2SeqConfig.builder()
                .setVocabularySizes(5209, 8298)
                .optEmbeddingSize(256)
                .optHiddenSize(256)
                .optBidirectional(true);
    }

    /** Every text of the diagram: box titles and lines, arrow labels, the legend. */
    private static List<String> texts(BoxDiagram d) {
        return Stream.of(
                        d.boxes().stream()
                                .flatMap(
                                        b ->
                                                Stream.concat(
                                                        Stream.of(b.title()), b.lines().stream())),
                        d.arrows().stream().map(BoxDiagram.Arrow::label),
                        d.legend().stream())
                .flatMap(s -> s)
                .toList();
    }

    private static boolean mentions(BoxDiagram d, String text) {
        return texts(d).stream().anyMatch(t -> t.contains(text));
    }

    @Test
    void anAttentionModelShowsItsMemoryContextAndSizesFromTheConfiguration() {
        Seq2SeqConfig config =
                recurrent().optDecoder(DecoderType.BAHDANAU).optAttention("additive", 128).build();
        BoxDiagram d = ModelDiagram.diagram(config, "Bahdanau");
        assertTrue(mentions(d, "attention: additive score"), texts(d).toString());
        assertTrue(mentions(d, "A = 128"), texts(d).toString());
        assertTrue(mentions(d, "memory\n(B, S, M)"), texts(d).toString());
        assertTrue(mentions(d, "V_src x E = 5,209 x 256"), texts(d).toString());
        assertTrue(mentions(d, "bidirectional GRU"), texts(d).toString());
        // every box and arrow ends in a box of the diagram, below or to the right of its start
        for (BoxDiagram.Arrow a : d.arrows()) {
            assertTrue(d.boxes().contains(a.from()) && d.boxes().contains(a.to()));
            assertTrue(
                    a.to().row() > a.from().row() || a.to().column() > a.from().column(),
                    a.label());
        }
        BufferedImage image = ModelDiagram.of(config, "Bahdanau");
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 700);
    }

    @Test
    void aModelWithoutAttentionHasAFixedContextAndNoAttentionBox() {
        BoxDiagram d =
                ModelDiagram.diagram(
                        recurrent().optBidirectional(false).optDecoder(DecoderType.PLAIN).build(),
                        "plain");
        assertTrue(d.boxes().stream().noneMatch(b -> b.title().startsWith("attention")));
        assertTrue(mentions(d, "fixed context c"), texts(d).toString());
        assertTrue(mentions(d, "M = 256 (H)"), texts(d).toString());
    }

    @Test
    void aLuongContextEntersTheOutputLayerAndALocalWindowIsNamed() {
        BoxDiagram d =
                ModelDiagram.diagram(
                        recurrent()
                                .optDecoder(DecoderType.LUONG)
                                .optAttention("general", 256)
                                .optLocalWindow(2)
                                .build(),
                        "Luong");
        BoxDiagram.Arrow context =
                d.arrows().stream()
                        .filter(a -> a.label().startsWith("context"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("output layer", context.to().title());
        assertTrue(mentions(d, "local-p, half-width 2"), texts(d).toString());
    }

    @Test
    void aTransformerShowsItsStacksHeadsAndTiedProjection() {
        Seq2SeqConfig config =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(8000, 8100)
                        .optArchitecture(Architecture.TRANSFORMER)
                        .optModelSize(256)
                        .optHeads(4)
                        .optFeedForwardSize(512)
                        .optTransformerLayers(2, 3)
                        .optShareTargetEmbedding(true)
                        .build();
        BoxDiagram d = ModelDiagram.diagram(config, "Transformer");
        assertTrue(mentions(d, "encoder: 2 x layer"), texts(d).toString());
        assertTrue(mentions(d, "decoder: 3 x layer"), texts(d).toString());
        assertTrue(mentions(d, "self-attention (h = 4)"), texts(d).toString());
        assertTrue(mentions(d, "the target embedding, transposed"), texts(d).toString());
        assertTrue(mentions(d, "memory\n(B, S, D)"), texts(d).toString());
        assertTrue(d.boxes().stream().noneMatch(b -> b.title().equals("bridge")));
        assertTrue(ModelDiagram.of(config, "Transformer").getWidth() > 0);
    }
}
