package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.model.Seq2SeqModel;

import org.junit.jupiter.api.Test;

import java.util.List;

class ModelSummaryTest {

    private static Seq2SeqModel bahdanau() {
        return Seq2SeqModel.create(
                Seq2SeqConfig.builder()
                        .setVocabularySizes(12, 9)
                        .optEmbeddingSize(8)
                        .optHiddenSize(6)
                        .optDecoder(DecoderType.BAHDANAU)
                        .optAttention("additive", 5)
                        .build());
    }

    @Test
    void everyBlockCountsItsOwnParametersAndItsChildrens() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = bahdanau();
            model.initialize(manager);
            ModelSummary summary = ModelSummary.of(model, 3);
            long direct =
                    model.getParameters().values().stream()
                            .mapToLong(p -> p.getArray().size())
                            .sum();
            assertEquals(direct, summary.total());
            List<ModelSummary.Row> rows = summary.rows();
            assertEquals(
                    summary.total(),
                    rows.stream()
                            .filter(r -> r.depth() == 1)
                            .mapToLong(ModelSummary.Row::parameters)
                            .sum());
            for (ModelSummary.Row parent : rows) {
                List<ModelSummary.Row> children =
                        rows.stream()
                                .filter(r -> r.path().startsWith(parent.path() + "/"))
                                .filter(r -> r.depth() == parent.depth() + 1)
                                .toList();
                if (!children.isEmpty() && parent.shapes().isEmpty()) {
                    assertEquals(
                            parent.parameters(),
                            children.stream().mapToLong(ModelSummary.Row::parameters).sum(),
                            parent.path());
                }
            }
            ModelSummary.Row embedding =
                    rows.stream()
                            .filter(r -> r.path().equals("encoder/embedding"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(summary.toString()));
            assertEquals(12 * 8, embedding.parameters()); // V_src x E
            assertTrue(embedding.shapes().contains("(12, 8)"), embedding.shapes());
            assertTrue(
                    rows.stream().noneMatch(r -> r.type().equals("Dropout")), summary.toString());
            assertTrue(summary.toString().contains(String.format("%,d", summary.total())));
        }
    }

    @Test
    void tyingTheTargetEmbeddingRemovesExactlyTheOutputLayer() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqConfig.Builder builder =
                    Seq2SeqConfig.builder()
                            .setVocabularySizes(40, 50)
                            .optArchitecture(Architecture.TRANSFORMER)
                            .optModelSize(16)
                            .optHeads(2)
                            .optFeedForwardSize(24)
                            .optTransformerLayers(1, 1);
            Seq2SeqModel tied = Seq2SeqModel.create(builder.optShareTargetEmbedding(true).build());
            tied.initialize(manager);
            Seq2SeqModel untied =
                    Seq2SeqModel.create(builder.optShareTargetEmbedding(false).build());
            untied.initialize(manager);
            long projection = 50L * 16 + 50; // the untied output layer's weight and bias
            long tiedTotal = ModelSummary.of(tied, 1).total();
            long untiedTotal = ModelSummary.of(untied, 1).total();
            assertEquals(projection, untiedTotal - tiedTotal);
        }
    }

    @Test
    void anUninitialisedModelIsNamedNotCountedAsZero() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> ModelSummary.of(bahdanau(), 1));
        assertTrue(e.getMessage().contains("initialise the model"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelSummary.of(bahdanau(), 0));
    }
}
