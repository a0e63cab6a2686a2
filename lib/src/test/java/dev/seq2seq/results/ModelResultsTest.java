package dev.seq2seq.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.Language;
import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.decode.GreedySearch;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.eval.TestSetEvaluation;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.store.TrainedModels;
import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingListener;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Results computed from a real (tiny) model, then read back from its record without it. */
class ModelResultsTest {

    private static TranslationData data;
    private static Seq2SeqConfig config;
    private static final TrainingConfig TRAINING = TrainingConfig.builder().optEpochs(1).build();
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir Path dir;

    @BeforeAll
    static void prepare() {
        data =
                TranslationData.builder()
                        .setFile(Path.of("../datasets/eng-fra.tsv"))
                        .optMaxPairs(500)
                        .build();
        config =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(
                                data.sourceVocabulary().size(), data.targetVocabulary().size())
                        .optEmbeddingSize(8)
                        .optHiddenSize(8)
                        .optAttention("additive", 8)
                        .build();
    }

    private static Function<Seq2SeqModel, TestSetEvaluation> greedy(List<ReferenceGroup> test) {
        return model ->
                TestSetEvaluation.of(
                        Translator.builder()
                                .setSearch(new GreedySearch(model))
                                .setData(data)
                                .build(),
                        test,
                        Language.FRENCH);
    }

    @Test
    void aRecordedEvaluationEqualsTheLiveOneOnceTheModelIsGone() throws Exception {
        Path folder = dir.resolve("models").resolve("tiny-full");
        Path records = dir.resolve("results");
        List<ReferenceGroup> test = data.testReferences();
        TestSetEvaluation live;
        double accuracy;
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun run =
                    TrainedModels.loadOrTrain(
                            folder, data, config, TRAINING, manager, QUIET, TrainingListener.NONE);
            ModelResults own = ModelResults.of(run, folder, data, records, "04");
            assertFalse(own.isRecorded());
            assertEquals("", own.note());
            live = own.evaluate("test, greedy", test, greedy(test));
            accuracy = own.measure("test, a number", model -> 0.25);
        }
        assertTrue(Files.isRegularFile(records.resolve("tiny-full.json")));
        deleteTree(folder);

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelResults compared =
                    ModelResults.compared(
                            folder,
                            data,
                            config,
                            TRAINING,
                            manager,
                            records,
                            "09",
                            new PrintStream(said, true, StandardCharsets.UTF_8));
            assertTrue(compared.isRecorded());
            String message = said.toString(StandardCharsets.UTF_8);
            assertTrue(message.contains("recorded by notebook 04 on "), message);
            assertTrue(compared.note().startsWith(" (recorded by notebook 04 on "));
            TestSetEvaluation recorded =
                    compared.evaluate(
                            "test, greedy",
                            test,
                            model -> {
                                throw new AssertionError("no model to compute with");
                            });
            assertEquals(live.caseSensitiveBleu(), recorded.caseSensitiveBleu());
            assertEquals(live.bleu(), recorded.bleu());
            assertEquals(live.chrf(), recorded.chrf());
            assertEquals(
                    live.bleuByLength(4, 8, Integer.MAX_VALUE),
                    recorded.bleuByLength(4, 8, Integer.MAX_VALUE));
            for (int i = 0; i < test.size(); i++) {
                Translation a = live.translations().get(i);
                Translation b = recorded.translations().get(i);
                assertEquals(a.sourceTokens(), b.sourceTokens());
                assertEquals(a.tokens(), b.tokens());
                assertEquals(a.text(), b.text());
            }
            assertEquals(accuracy, compared.measure("test, a number", model -> 1.0));
            assertEquals(accuracy, compared.recordedMeasure("test, a number"));
            assertEquals(accuracy, compared.findMeasure("test, a number").orElseThrow());
            assertTrue(compared.findMeasure("no such number").isEmpty());
            IllegalStateException noNumber =
                    assertThrows(
                            IllegalStateException.class,
                            () -> compared.recordedMeasure("no such number"));
            assertTrue(noNumber.getMessage().contains("no measure 'no such number'"));
            assertEquals(1, compared.history().records().size());
            assertTrue(compared.parameters() > 0);

            IllegalStateException missing =
                    assertThrows(
                            IllegalStateException.class,
                            () -> compared.evaluate("test, beam 4", test, greedy(test)));
            assertTrue(missing.getMessage().contains("no evaluation 'test, beam 4'"));
        }
    }

    @Test
    void aRecordOfOtherSettingsOrNoneAtAllIsRefusedNamingWhatToRun() throws Exception {
        Path folder = dir.resolve("models").resolve("tiny-full");
        Path records = dir.resolve("results");
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalStateException none =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    ModelResults.compared(
                                            folder, data, config, TRAINING, manager, records, "09",
                                            QUIET));
            assertTrue(none.getMessage().contains("neither the model"), none.getMessage());
            TrainingRun run =
                    TrainedModels.loadOrTrain(
                            folder, data, config, TRAINING, manager, QUIET, TrainingListener.NONE);
            ModelResults.of(run, folder, data, records, "04");
            deleteTree(folder);
            TrainingConfig other = TrainingConfig.builder().optEpochs(2).build();
            IllegalStateException stale =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    ModelResults.compared(
                                            folder, data, config, other, manager, records, "09",
                                            QUIET));
            assertTrue(stale.getMessage().contains("trained otherwise"), stale.getMessage());
            assertTrue(stale.getMessage().contains("run notebook 04"), stale.getMessage());
        }
    }

    @Test
    void otherParametersReplaceTheRecordAndTheSameParametersKeepItsEvaluations() throws Exception {
        Path folder = dir.resolve("models").resolve("tiny-full");
        Path records = dir.resolve("results");
        List<ReferenceGroup> test = data.testReferences().subList(0, 20);
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun run =
                    TrainedModels.loadOrTrain(
                            folder, data, config, TRAINING, manager, QUIET, TrainingListener.NONE);
            ModelResults.of(run, folder, data, records, "04")
                    .evaluate("test, greedy", test, greedy(test));
            TrainingRun again =
                    TrainedModels.loadOrTrain(
                            folder, data, config, TRAINING, manager, QUIET, TrainingListener.NONE);
            assertTrue(again.loaded());
            assertEquals(
                    List.of("test, greedy"),
                    List.copyOf(
                            ModelResults.of(again, folder, data, records, "05")
                                    .record()
                                    .evaluations()
                                    .keySet()));
            TrainingConfig reseeded = TrainingConfig.builder().optEpochs(1).optSeed(5).build();
            TrainingRun retrained =
                    TrainedModels.loadOrTrain(
                            folder, data, config, reseeded, manager, QUIET, TrainingListener.NONE);
            assertFalse(retrained.loaded());
            assertTrue(
                    ModelResults.of(retrained, folder, data, records, "04")
                            .record()
                            .evaluations()
                            .isEmpty(),
                    "other parameters' evaluations are dropped");
        }
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
