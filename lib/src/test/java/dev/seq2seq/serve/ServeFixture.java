package dev.seq2seq.serve;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.DataSettings;
import dev.seq2seq.data.Language;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.store.Provenance;
import dev.seq2seq.store.RunSettings;
import dev.seq2seq.store.TrainedModel;
import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.store.TrainingRunFolder;
import dev.seq2seq.train.CopyTask;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.Seq2SeqTrainer;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingHistory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy-task model trained once per test JVM (a few seconds), saved as a training-run folder and
 * loaded back as a {@link ServedModel}, as {@code serve --model} loads one. Its data settings say
 * the training length limit had 8 tokens.
 */
public final class ServeFixture {

    /** The recorded training length limit, in tokens. */
    static final int LONGEST_SOURCE = 8;

    private static ServedModel model;
    private static Path folder;

    private ServeFixture() {}

    /** Returns the model, training it on first use. */
    static synchronized ServedModel model() {
        if (model == null) {
            NDManager manager = NDManager.newBaseManager(); // lives as long as the test JVM
            folder = train(manager);
            model = ServedModel.load(folder, manager);
        }
        return model;
    }

    /** Returns the folder the model was saved to. */
    static synchronized Path folder() {
        model();
        return folder;
    }

    /** Starts a server for the model with the default settings on a free loopback port. */
    public static TranslationServer server() {
        return TranslationServer.builder()
                .setModel(model())
                .optSettings(ServerSettings.builder().optAddress("127.0.0.1", 0))
                .build()
                .start();
    }

    /** Translates one sentence on its own with greedy search, as a reference. */
    static synchronized String alone(String sentence) {
        Translation t =
                BatchDecoder.of(model().trained(), 1)
                        .decode(List.of(sentence), SearchSettings.GREEDY)
                        .get(0)
                        .get(0);
        return t.text();
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static Path train(NDManager manager) {
        CopyTask task = new CopyTask(3000, 100);
        Seeds.seedEverything(1);
        Seq2SeqModel net = Seq2SeqModel.create(task.config(DecoderType.LUONG));
        net.initialize(manager);
        TrainingConfig config =
                TrainingConfig.builder()
                        .optEpochs(4)
                        .optLearningRate(3e-3f, 1f)
                        .optLabelSmoothing(0f)
                        .optSeed(1)
                        .build();
        TrainingHistory history =
                Seq2SeqTrainer.builder()
                        .setModel(net)
                        .setData(task.train, task.valid)
                        .optConfig(config)
                        .optOutput(new PrintStream(new ByteArrayOutputStream()))
                        .build()
                        .fit(manager);
        Provenance provenance =
                Provenance.of(
                        "copy-task", "c0ffee", Language.ENGLISH, Language.ENGLISH, 1, "copy task");
        TrainedModel trained = new TrainedModel(net, task.vocabulary, task.vocabulary, provenance);
        DataSettings data =
                DataSettings.builder()
                        .optLanguages(Language.ENGLISH, Language.ENGLISH)
                        .optMinFrequency(1)
                        .optMaxLengths(LONGEST_SOURCE, LONGEST_SOURCE)
                        .optSeed(1)
                        .build();
        RunSettings settings = new RunSettings(config, data, 3000, 100);
        try {
            Path root = Files.createTempDirectory("serve-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
            Path dir = root.resolve("copy-model");
            TrainingRunFolder.save(dir, new TrainingRun(trained, history, settings, false, 0));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
