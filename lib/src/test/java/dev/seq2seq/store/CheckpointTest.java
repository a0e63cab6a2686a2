package dev.seq2seq.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.BpeCodes;
import dev.seq2seq.data.BpeEncoder;
import dev.seq2seq.data.Language;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.decode.GreedySearch;
import dev.seq2seq.decode.Hypothesis;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.train.CopyTask;
import dev.seq2seq.train.Seeds;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class CheckpointTest {

    @TempDir Path dir;
    private final CopyTask task = new CopyTask(200, 50);
    private Path folder;
    private Provenance saved; // what save() wrote: its creation time is the second it ran

    private TrainedModel trained(NDManager manager) {
        Seeds.seedEverything(2);
        Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
        model.initialize(manager);
        Provenance provenance =
                Provenance.of("copy", "", Language.ENGLISH, Language.ENGLISH, 2, "untrained");
        return new TrainedModel(model, task.vocabulary, task.vocabulary, provenance);
    }

    private static List<Hypothesis> translate(
            NDManager manager, Seq2SeqModel model, CopyTask task) {
        try (Seq2SeqBatch batch = Seq2SeqBatch.create(manager, task.valid.pairs(), 1, 1)) {
            return new GreedySearch(model).best(batch.source(), batch.sourceLengths());
        }
    }

    @BeforeEach
    void save() {
        folder = dir.resolve("model");
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedModel trained = trained(manager);
            saved = trained.provenance();
            Checkpoint.save(folder, trained);
        }
    }

    @Test
    void saveThenLoadGivesIdenticalTranslations() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedModel original = trained(manager);
            TrainedModel loaded = Checkpoint.load(folder, manager);
            assertEquals(original.model().config(), loaded.model().config());
            assertEquals(original.sourceVocabulary(), loaded.sourceVocabulary());
            assertEquals(saved, loaded.provenance());
            List<Hypothesis> a = translate(manager, original.model(), task);
            List<Hypothesis> b = translate(manager, loaded.model(), task);
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).tokens(), b.get(i).tokens());
                assertEquals(a.get(i).score(), b.get(i).score(), 0.0);
            }
        }
    }

    @Test
    void transformerSaveThenLoadGivesIdenticalTranslations() {
        Path transformerFolder = dir.resolve("transformer");
        try (NDManager manager = NDManager.newBaseManager()) {
            Seeds.seedEverything(2);
            Seq2SeqModel model = Seq2SeqModel.create(task.transformerConfig());
            model.initialize(manager);
            Provenance provenance =
                    Provenance.of("copy", "", Language.ENGLISH, Language.ENGLISH, 2, "untrained");
            TrainedModel original =
                    new TrainedModel(model, task.vocabulary, task.vocabulary, provenance);
            Checkpoint.save(transformerFolder, original);
            TrainedModel loaded = Checkpoint.load(transformerFolder, manager);
            assertEquals(original.model().config(), loaded.model().config());
            List<Hypothesis> a = translate(manager, original.model(), task);
            List<Hypothesis> b = translate(manager, loaded.model(), task);
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).tokens(), b.get(i).tokens());
                assertEquals(a.get(i).score(), b.get(i).score(), 0.0);
            }
        }
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        Files.delete(folder.resolve(Checkpoint.TARGET_VOCABULARY));
        Files.delete(folder.resolve(Checkpoint.PROVENANCE));
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e =
                    assertThrows(CheckpointException.class, () -> Checkpoint.load(folder, manager));
            assertTrue(
                    e.getMessage().contains("missing target.vocab, provenance.json"),
                    e.getMessage());
            CheckpointException none =
                    assertThrows(
                            CheckpointException.class,
                            () -> Checkpoint.load(dir.resolve("nope"), manager));
            assertTrue(none.getMessage().endsWith("nope: no such folder"));
        }
    }

    @Test
    void truncatedParametersAreReported() throws IOException {
        Path params = folder.resolve(Checkpoint.PARAMETERS);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e =
                    assertThrows(CheckpointException.class, () -> Checkpoint.load(folder, manager));
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "model.params is truncated (or of a larger architecture): "
                                            + String.format("%,d bytes", bytes.length / 2)),
                    e.getMessage());
            assertTrue(
                    e.getMessage().endsWith(String.format("needs %,d", bytes.length)),
                    e.getMessage());
        }
    }

    @Test
    void mismatchedVocabularyIsReported() throws IOException {
        Path vocab = folder.resolve(Checkpoint.SOURCE_VOCABULARY);
        Files.writeString(vocab, "<pad>\t0\n<unk>\t0\n<bos>\t0\n<eos>\t0\na\t1\n");
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e =
                    assertThrows(CheckpointException.class, () -> Checkpoint.load(folder, manager));
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "source.vocab has 5 tokens but config.json says sourceVocabularySize"),
                    e.getMessage());
        }
    }

    @Test
    void otherArchitectureIsReported() throws IOException {
        Path config = folder.resolve(Checkpoint.CONFIG);
        Files.writeString(
                config,
                Files.readString(config).replace("\"hiddenSize\": 64", "\"hiddenSize\": 32"));
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e =
                    assertThrows(CheckpointException.class, () -> Checkpoint.load(folder, manager));
            assertTrue(e.getMessage().contains("does not match the architecture"), e.getMessage());
        }
    }

    /** A small untrained subword model: merges and vocabularies learned from 400 real pairs. */
    private static TrainedModel subwordModel(NDManager manager, TranslationData data) {
        Seeds.seedEverything(3);
        Seq2SeqModel model =
                Seq2SeqModel.create(
                        Seq2SeqConfig.builder()
                                .setVocabularySizes(
                                        data.sourceVocabulary().size(),
                                        data.targetVocabulary().size())
                                .optEmbeddingSize(8)
                                .optHiddenSize(8)
                                .optAttention("additive", 8)
                                .build());
        model.initialize(manager);
        Provenance provenance =
                Provenance.of("eng-fra", "", Language.ENGLISH, Language.FRENCH, 3, "untrained");
        return new TrainedModel(
                model,
                data.sourceVocabulary(),
                data.targetVocabulary(),
                provenance,
                data.subwords(),
                data.truecaser());
    }

    private static List<String> translateText(TrainedModel trained, List<String> sentences) {
        Translator translator =
                Translator.builder()
                        .setSearch(new GreedySearch(trained.model()))
                        .setSource(trained.sourceTokenizer(), trained.sourceVocabulary())
                        .setTarget(trained.targetVocabulary(), trained.detokenizer())
                        .build();
        return translator.translate(sentences).stream().map(Translation::text).toList();
    }

    @Test
    void subwordModelsKeepTheirMergesAndCheckThem() throws IOException {
        TranslationData data =
                TranslationData.builder()
                        .setFile(Path.of("../datasets/eng-fra.tsv"))
                        .optMaxPairs(400)
                        .optBpe(200)
                        .build();
        Path subword = dir.resolve("subword");
        List<String> sentences = List.of("I love you.", "Where is the station?");
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedModel original = subwordModel(manager, data);
            Checkpoint.save(subword, original);
            assertEquals(
                    Files.readString(subword.resolve(Checkpoint.SOURCE_CODES)),
                    Files.readString(subword.resolve(Checkpoint.TARGET_CODES)));
            TrainedModel loaded = Checkpoint.load(subword, manager);
            assertEquals(data.subwords(), loaded.subwords());
            assertEquals(data.truecaser(), loaded.truecaser());
            assertEquals(
                    data.sourceTokenizer().tokenize(sentences.get(0)),
                    loaded.sourceTokenizer().tokenize(sentences.get(0)));
            List<String> before = translateText(original, sentences);
            assertEquals(before, translateText(loaded, sentences));
            for (String text : before) {
                assertTrue(!text.contains(BpeEncoder.CONTINUATION), text);
            }
            assertEquals(null, Checkpoint.load(folder, manager).subwords());

            // merges of another run cannot produce this vocabulary's units
            BpeCodes fewer =
                    new BpeCodes(
                            data.subwords().source().merges().subList(0, 20),
                            data.subwords().source().endOfWord());
            fewer.save(subword.resolve(Checkpoint.SOURCE_CODES));
            CheckpointException other =
                    assertThrows(
                            CheckpointException.class, () -> Checkpoint.load(subword, manager));
            assertTrue(other.getMessage().contains("source vocabulary's unit"), other.getMessage());

            Files.delete(subword.resolve(Checkpoint.TARGET_CODES));
            CheckpointException missing =
                    assertThrows(
                            CheckpointException.class, () -> Checkpoint.load(subword, manager));
            assertTrue(missing.getMessage().contains("missing target.codes"), missing.getMessage());

            Files.delete(subword.resolve(Checkpoint.SOURCE_CODES));
            CheckpointException none =
                    assertThrows(
                            CheckpointException.class, () -> Checkpoint.load(subword, manager));
            assertTrue(
                    none.getMessage().contains("the vocabularies hold subword units"),
                    none.getMessage());
        }
    }
}
