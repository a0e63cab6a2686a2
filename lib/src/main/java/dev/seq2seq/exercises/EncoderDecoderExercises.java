package dev.seq2seq.exercises;

import ai.djl.ndarray.NDManager;
import ai.djl.util.Preconditions;

import dev.seq2seq.data.TranslationData;
import dev.seq2seq.eval.TestSetEvaluation;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.ModelSummary;
import dev.seq2seq.nn.Seq2SeqConfig;

import java.util.List;

/** The exercises of notebook 03, the encoder-decoder. */
final class EncoderDecoderExercises {

    private EncoderDecoderExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "03.1",
                        "untrainedLoss",
                        "within 0.01",
                        "an untrained model spreads probability evenly over the V target tokens;"
                                + " what is -log of that probability?",
                        (answer, given) -> Answers.near(answer, Math.log(20_000), 0.01)),
                new Exercise(
                        "03.2",
                        "exactShare",
                        "within 0.05 of the percentage",
                        "compare each translation's text() with the references of its sentence"
                                + " (plainTest.references()), character for character.",
                        (answer, given) ->
                                Answers.near(answer, exactShare((TestSetEvaluation) given), 0.05)),
                new Exercise(
                        "03.3",
                        "decoderParameters",
                        "",
                        "the decoder's GRU reads [e(y); c] with c of 2H numbers; count its embedding,"
                                + " its GRU (three gates, two biases each) and its output layer.",
                        (answer, given) ->
                                Answers.equalsWhole(
                                        answer, decoderParameters((TranslationData) given, 512))));
    }

    /** 03.2: the share of test sentences translated exactly as one of their references. */
    static double exactShare(TestSetEvaluation evaluation) {
        Preconditions.checkArgument(evaluation != null, "exercise 03.2 needs plainTest");
        int exact = 0;
        for (int i = 0; i < evaluation.translations().size(); i++) {
            if (evaluation.references().get(i).contains(evaluation.translations().get(i).text())) {
                exact++;
            }
        }
        return 100.0 * exact / evaluation.translations().size();
    }

    /** 03.3: the fixed-context decoder's parameters with hidden size {@code hidden}. */
    static long decoderParameters(TranslationData data, int hidden) {
        Preconditions.checkArgument(data != null, "exercise 03.3 needs data");
        Seq2SeqConfig config =
                Seq2SeqConfig.builder()
                        .setVocabularySizes(
                                data.sourceVocabulary().size(), data.targetVocabulary().size())
                        .optDecoder(DecoderType.PLAIN)
                        .optHiddenSize(hidden)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqModel model = Seq2SeqModel.create(config);
            model.initialize(manager);
            return ModelSummary.of(model, 1).rows().stream()
                    .filter(r -> r.path().equals("decoder"))
                    .mapToLong(ModelSummary.Row::parameters)
                    .sum();
        }
    }
}
