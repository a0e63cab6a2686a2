package dev.seq2seq.store;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.DataSettings;
import dev.seq2seq.data.Language;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.train.CopyTask;
import dev.seq2seq.train.EpochRecord;
import dev.seq2seq.train.Seeds;
import dev.seq2seq.train.TrainingConfig;
import dev.seq2seq.train.TrainingHistory;

/** Untrained runs of the copy task that differ by seed and epoch count, for save/load tests. */
final class SmallRuns {

    private SmallRuns() {}

    /**
     * Returns a run whose provenance records {@code seed} and whose history has {@code epochs}
     * records.
     */
    static TrainingRun run(NDManager manager, long seed, int epochs) {
        CopyTask task = new CopyTask(50, 10);
        Seeds.seedEverything(seed);
        Seq2SeqModel model = Seq2SeqModel.create(task.config(DecoderType.BAHDANAU));
        model.initialize(manager);
        Provenance provenance =
                Provenance.of("copy", "sha", Language.ENGLISH, Language.FRENCH, seed, "untrained");
        TrainingHistory history = new TrainingHistory();
        for (int e = 1; e <= epochs; e++) {
            history.add(new EpochRecord(e, 2.0 / e, 2.0 / e, 0.3, 0.4, 1000, 10, 1e-3, Double.NaN));
        }
        RunSettings settings =
                new RunSettings(
                        TrainingConfig.builder().optEpochs(epochs).build(),
                        DataSettings.defaults(),
                        50,
                        10);
        return new TrainingRun(
                new TrainedModel(model, task.vocabulary, task.vocabulary, provenance),
                history,
                settings,
                false,
                1);
    }
}
