package dev.seq2seq.exercises;

import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.ModelSummary;

import java.util.List;

/** The exercises of notebook 11, design choices at one budget. */
final class DesignExercises {

    /** The block whose parameters exercises 11.1 and 11.3 count. */
    static final String DECODER_CELL = "decoder/rnn";

    private DesignExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "11.1",
                        "uniDecoderGruParameters",
                        "",
                        "Bahdanau's decoder GRU reads the word embedding and the context vector"
                                + " side by side, and a context vector has the size M of the encoder's"
                                + " outputs, which a unidirectional encoder does not double.",
                        (answer, given) ->
                                Answers.equalsWhole(answer, decoderCell(model(given, "11.1")))),
                new Exercise(
                        "11.2",
                        "eosPercent",
                        "within 0.5",
                        "for every output word (each row of hypothesis().attention(), <eos>"
                                + " included), find the source position with the largest weight, and"
                                + " count how often that is the last one, <eos>.",
                        (answer, given) ->
                                Answers.near(answer, eosPercent(translations(given)), 0.5)),
                new Exercise(
                        "11.3",
                        "lstmDecoderParameters",
                        "",
                        "four gate blocks instead of three, each reading the embedding and the"
                                + " context vector of the bidirectional encoder.",
                        (answer, given) ->
                                Answers.equalsWhole(answer, decoderCell(model(given, "11.3")))));
    }

    /** 11.1 and 11.3: the parameters of a model's decoder cell, as DJL counts them. */
    static long decoderCell(Seq2SeqModel model) {
        return ModelSummary.of(model, 2).rows().stream()
                .filter(r -> r.path().equals(DECODER_CELL))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the model has no " + DECODER_CELL))
                .parameters();
    }

    /** 11.2: the percentage of output words whose most-attended source token is {@code <eos>}. */
    static double eosPercent(List<Translation> translations) {
        long words = 0;
        long onEos = 0;
        for (Translation t : translations) {
            int eos = t.sourceTokens().lastIndexOf(Vocabulary.EOS);
            for (float[] row : t.hypothesis().attention()) {
                int top = 0;
                for (int j = 1; j < row.length; j++) {
                    if (row[j] > row[top]) {
                        top = j;
                    }
                }
                words++;
                onEos += top == eos ? 1 : 0;
            }
        }
        return 100.0 * onEos / words;
    }

    private static Seq2SeqModel model(Object given, String id) {
        if (!(given instanceof Seq2SeqModel model)) {
            throw new IllegalArgumentException("exercise " + id + " needs the model");
        }
        return model;
    }

    @SuppressWarnings("unchecked")
    private static List<Translation> translations(Object given) {
        if (!(given instanceof List<?> list)
                || list.isEmpty()
                || !(list.get(0) instanceof Translation)) {
            throw new IllegalArgumentException("exercise 11.2 needs the model's test translations");
        }
        return (List<Translation>) list;
    }
}
