package dev.seq2seq.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.decode.Hypothesis;
import dev.seq2seq.decode.Translation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every exercise's check accepts the right answer, rejects a wrong one, says "not answered yet"
 * before an answer, and never prints the answer.
 */
class ExercisesTest {

    /** The cases: id, the right answer, a wrong answer, what the notebook passes. */
    static Stream<Arguments> cases() {
        List<ReferenceGroup> test =
                List.of(
                        new ReferenceGroup("either", List.of("IY DH ER", "AY DH ER")),
                        new ReferenceGroup("box", List.of("B AA K S")),
                        new ReferenceGroup("route", List.of("R UW T", "R AW T")));
        Translation laugh =
                new Translation(
                        "laugh",
                        List.of("l", "a", "u", "g", "h", "<eos>"),
                        List.of("L", "AE", "F"),
                        "L AE F",
                        new Hypothesis(
                                new int[] {4, 5, 6},
                                -0.5,
                                new float[] {-0.1f, -0.1f, -0.2f, -0.1f},
                                new float[][] {
                                    {0.9f, 0.05f, 0.05f, 0, 0, 0},
                                    {0, 0.8f, 0.2f, 0, 0, 0},
                                    {0, 0, 0, 0.3f, 0.7f, 0},
                                    {0, 0, 0, 0, 0, 1}
                                },
                                true));
        List<List<String>> valid =
                List.of(List.of("je", "t'", "aime", "."), List.of("je", "suis", "là", "."));
        List<List<String>> train = List.of(List.of("je", "suis", "."), List.of("je", "là", "."));
        List<ReferenceGroup> groups =
                List.of(
                        new ReferenceGroup("Hi.", List.of("Salut.")),
                        new ReferenceGroup("Run!", List.of("Cours !", "Courez !")),
                        new ReferenceGroup("Go.", List.of("Va !")));
        return Stream.of(
                Arguments.of("01.1", 4, 3, valid), // t' aime suis là
                Arguments.of("01.2", 2, 1, groups),
                Arguments.of("01.3", 75.0, 50.0, List.of(train, valid)), // 6 of 8 tokens known
                Arguments.of("02.1", RecurrentCellExercises.smallestForgetBias(), 0, null),
                Arguments.of("02.2", gruParameters(128, 64), 37_000, null),
                Arguments.of("02.3", 3, 2, new double[] {1, 0.5, 0.02, 0.009, 0.001}),
                Arguments.of("03.1", Math.log(20_000), 9.5, null),
                Arguments.of("03.2", 50.0, 100.0, twoTranslations()),
                Arguments.of("03.3", plainDecoderParameters(small(), 512), 1_000_000, small()),
                Arguments.of("04.1", "l", "a", laugh), // the first row of laugh's weights
                Arguments.of("04.2", 131_072, 196_864, null),
                Arguments.of("04.3", 0.6652, 0.6, null),
                Arguments.of(
                        "05.1", shorterWithSixteen(), shorterWithSixteen() + 0.1, tinyModelCase()),
                Arguments.of("05.2", 2, 3, nBest()),
                Arguments.of("05.3", 0.36 / 0.46, 0.6, null),
                Arguments.of("06.1", 100 / (100 + Math.exp(5)), 0.5, null),
                Arguments.of("06.2", 1, 2, List.of(twoTranslations(), otherTranslations())),
                Arguments.of(
                        "06.3",
                        validAccuracy(),
                        validAccuracy() + 1,
                        List.of(tinyModel(), small())),
                Arguments.of("07.1", shortenedBp(), shortenedBp() + 0.05, twoTranslations()),
                Arguments.of("07.2", chrfPlusPlus(), chrfPlusPlus() + 1, twoTranslations()),
                Arguments.of("07.3", 1, 2, twoTranslations()),
                Arguments.of("08.1", lowest(), List.of("lowest"), toyCodes()),
                Arguments.of(
                        "08.2",
                        (java.util.function.Function<List<String>, List<String>>)
                                dev.seq2seq.data.BpeEncoder::decode,
                        (java.util.function.Function<List<String>, List<String>>) units -> units,
                        smallSubwords()),
                Arguments.of(
                        "08.3",
                        SubwordExercises.wholeWordPercent(smallSubwords()),
                        SubwordExercises.wholeWordPercent(smallSubwords()) + 1,
                        smallSubwords()),
                Arguments.of("09.1", attentionParameters(), 4L * 256 * 256, null),
                Arguments.of("09.2", 15, 21, null),
                Arguments.of(
                        "09.3",
                        2.0 * 256 * small().targetVocabulary().size() / 1e6,
                        2.0 * 256 * small().targetVocabulary().size() / 1e6 + 0.05,
                        small()),
                Arguments.of(
                        "10.1",
                        ServingExercises.secondBest(quickModelCase()),
                        "je",
                        quickModelCase()),
                Arguments.of(
                        "10.2",
                        800.0,
                        400.0,
                        new dev.seq2seq.perf.LoadTest.Result(8, 10, 100, 0, new double[] {1})),
                Arguments.of(
                        "10.3",
                        ServingExercises.firstWordOnCold(quickModelCase()),
                        ServingExercises.firstWordOnCold(quickModelCase()) + 0.05,
                        quickModelCase()),
                Arguments.of("11.1", 3L * (256 * 512 + 256 * 256 + 2 * 256), 787_968, uniGru()),
                Arguments.of("11.2", 25.0, 50.0, List.of(laugh)), // only the last row is on <eos>
                Arguments.of("11.3", 4L * (256 * 768 + 256 * 256 + 2 * 256), 787_968, biLstm()),
                Arguments.of("12.1", 2, 3, test),
                Arguments.of("12.2", 20.0, 25.0, null),
                Arguments.of("12.3", "h", "g", laugh));
    }

    private static dev.seq2seq.data.TranslationData small;
    private static dev.seq2seq.data.TranslationData smallSubwords;

    /** The small data on 200 byte-pair merges. */
    private static dev.seq2seq.data.TranslationData smallSubwords() {
        if (smallSubwords == null) {
            smallSubwords =
                    dev.seq2seq.data.TranslationData.builder()
                            .setFile(java.nio.file.Path.of("../datasets/eng-fra.tsv"))
                            .optMaxPairs(500)
                            .optBpe(200)
                            .build();
        }
        return smallSubwords;
    }

    /** The paper's toy dictionary and its ten merges, as notebook 08 learns them. */
    private static dev.seq2seq.data.BpeCodes toyCodes() {
        java.util.Map<String, Long> toy = new java.util.LinkedHashMap<>();
        toy.put("low", 5L);
        toy.put("lower", 2L);
        toy.put("newest", 6L);
        toy.put("widest", 3L);
        return dev.seq2seq.data.BpeLearner.builder()
                .setMerges(10)
                .optEndOfWord(dev.seq2seq.data.BpeCodes.EndOfWord.SEPARATE)
                .build()
                .learn(toy);
    }

    /** 08.1's answer as the paper's merges give it by hand: low, then est at the end of a word. */
    private static List<String> lowest() {
        return List.of("low@@", "est");
    }

    private static dev.seq2seq.data.TranslationData small() {
        if (small == null) {
            small =
                    dev.seq2seq.data.TranslationData.builder()
                            .setFile(java.nio.file.Path.of("../datasets/eng-fra.tsv"))
                            .optMaxPairs(500)
                            .build();
        }
        return small;
    }

    /** The fixed-context decoder's parameters by the formula, not by building the model. */
    private static long plainDecoderParameters(dev.seq2seq.data.TranslationData data, long h) {
        long v = data.targetVocabulary().size();
        long e = 256;
        long m = 2 * h; // the bidirectional encoder's context
        return v * e + 3 * (h * (e + m) + h * h + 2 * h) + h * v + v;
    }

    private static dev.seq2seq.eval.TestSetEvaluation twoTranslations() {
        List<ReferenceGroup> groups =
                List.of(
                        new ReferenceGroup("I love you.", List.of("Je t'aime.")),
                        new ReferenceGroup("Go.", List.of("Va !", "Bouge !")));
        Hypothesis none = new Hypothesis(new int[0], 0, new float[0], null, true);
        List<Translation> out =
                List.of(
                        new Translation("I love you.", List.of(), List.of(), "Je t'aime.", none),
                        new Translation("Go.", List.of(), List.of(), "Pars !", none));
        return dev.seq2seq.eval.TestSetEvaluation.score(
                out, groups, dev.seq2seq.data.Language.FRENCH);
    }

    private static ai.djl.ndarray.NDManager modelManager;
    private static dev.seq2seq.model.Seq2SeqModel tinyModel;

    /** An untrained tiny attention model on the small data: its outputs differ by search. */
    private static dev.seq2seq.model.Seq2SeqModel tinyModel() {
        if (tinyModel == null) {
            if (modelManager == null) {
                modelManager = ai.djl.ndarray.NDManager.newBaseManager();
            }
            dev.seq2seq.train.Seeds.seedEverything(5);
            tinyModel =
                    dev.seq2seq.model.Seq2SeqModel.create(
                            dev.seq2seq.nn.Seq2SeqConfig.builder()
                                    .setVocabularySizes(
                                            small().sourceVocabulary().size(),
                                            small().targetVocabulary().size())
                                    .optEmbeddingSize(8)
                                    .optHiddenSize(8)
                                    .optAttention("additive", 8)
                                    .build());
            tinyModel.initialize(modelManager);
        }
        return tinyModel;
    }

    /** A Bahdanau model with a unidirectional GRU encoder, E = H = 256, on the small data. */
    private static dev.seq2seq.model.Seq2SeqModel uniGru() {
        return budgetDesign(
                dev.seq2seq.nn.Seq2SeqConfig.builder()
                        .setVocabularySizes(
                                small().sourceVocabulary().size(),
                                small().targetVocabulary().size())
                        .optAttention("additive", 256)
                        .optBidirectional(false)
                        .build());
    }

    /** A Bahdanau model with a bidirectional LSTM encoder and decoder, E = H = 256. */
    private static dev.seq2seq.model.Seq2SeqModel biLstm() {
        return budgetDesign(
                dev.seq2seq.nn.Seq2SeqConfig.builder()
                        .setVocabularySizes(
                                small().sourceVocabulary().size(),
                                small().targetVocabulary().size())
                        .optAttention("additive", 256)
                        .optCell(dev.seq2seq.nn.CellType.LSTM)
                        .build());
    }

    private static dev.seq2seq.model.Seq2SeqModel budgetDesign(
            dev.seq2seq.nn.Seq2SeqConfig config) {
        if (modelManager == null) {
            modelManager = ai.djl.ndarray.NDManager.newBaseManager();
        }
        dev.seq2seq.model.Seq2SeqModel model = dev.seq2seq.model.Seq2SeqModel.create(config);
        model.initialize(modelManager);
        return model;
    }

    private static List<Object> quickModelCase;

    /**
     * An untrained tiny attention model on the quick profile's data, whose vocabulary has the words
     * of notebook 10's exercises.
     */
    private static List<Object> quickModelCase() {
        if (quickModelCase == null) {
            dev.seq2seq.data.TranslationData data =
                    dev.seq2seq.data.TranslationData.builder()
                            .setFile(java.nio.file.Path.of("../datasets/eng-fra.tsv"))
                            .optMaxPairs(20_000)
                            .build();
            if (modelManager == null) {
                modelManager = ai.djl.ndarray.NDManager.newBaseManager();
            }
            dev.seq2seq.train.Seeds.seedEverything(6);
            dev.seq2seq.model.Seq2SeqModel model =
                    dev.seq2seq.model.Seq2SeqModel.create(
                            dev.seq2seq.nn.Seq2SeqConfig.builder()
                                    .setVocabularySizes(
                                            data.sourceVocabulary().size(),
                                            data.targetVocabulary().size())
                                    .optEmbeddingSize(8)
                                    .optHiddenSize(8)
                                    .optAttention("additive", 8)
                                    .build());
            model.initialize(modelManager);
            quickModelCase = List.of(model, data);
        }
        return quickModelCase;
    }

    private static List<Object> tinyModelCase() {
        return List.of(tinyModel(), small(), small().testReferences());
    }

    /** 05.1's answer, computed here by translating directly. */
    private static double shorterWithSixteen() {
        List<String> sources =
                small().testReferences().stream().map(ReferenceGroup::source).toList();
        List<Translation> greedy =
                dev.seq2seq.decode.Translator.builder()
                        .setSearch(new dev.seq2seq.decode.GreedySearch(tinyModel()))
                        .setData(small())
                        .build()
                        .translate(sources);
        List<Translation> wide =
                dev.seq2seq.decode.Translator.builder()
                        .setSearch(
                                dev.seq2seq.decode.BeamSearch.builder()
                                        .setModel(tinyModel())
                                        .optBeamSize(16)
                                        .build())
                        .setData(small())
                        .build()
                        .translate(sources);
        long shorter =
                java.util.stream.IntStream.range(0, sources.size())
                        .filter(i -> wide.get(i).tokens().size() < greedy.get(i).tokens().size())
                        .count();
        return (double) shorter / sources.size();
    }

    private static dev.seq2seq.eval.TestSetEvaluation otherTranslations() {
        List<ReferenceGroup> groups =
                List.of(
                        new ReferenceGroup("I love you.", List.of("Je t'aime.")),
                        new ReferenceGroup("Go.", List.of("Va !", "Bouge !")));
        Hypothesis none = new Hypothesis(new int[0], 0, new float[0], null, true);
        List<Translation> out =
                List.of(
                        new Translation("I love you.", List.of(), List.of(), "Je vous aime.", none),
                        new Translation("Go.", List.of(), List.of(), "Pars !", none));
        return dev.seq2seq.eval.TestSetEvaluation.score(
                out, groups, dev.seq2seq.data.Language.FRENCH);
    }

    /** 06.3's answer, from the library's teacher-forced evaluation called directly. */
    private static double validAccuracy() {
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            return 100
                    * dev.seq2seq.eval.TokenPredictions.teacherForced(
                                    tinyModel(),
                                    m,
                                    small().valid().pairs(),
                                    small().targetVocabulary(),
                                    64)
                            .accuracy();
        }
    }

    private static double shortenedBp() {
        return dev.seq2seq.eval.TestSetEvaluation.CASE_INSENSITIVE_BLEU
                .corpusScore(
                        List.of("Je t'aime", "Pars"),
                        List.of(List.of("Je t'aime."), List.of("Va !", "Bouge !")))
                .bp();
    }

    private static double chrfPlusPlus() {
        return dev.seq2seq.eval.Chrf.builder()
                .optWordOrder(2)
                .build()
                .corpusScore(
                        List.of("je t'aime.", "pars !"),
                        List.of(List.of("je t'aime."), List.of("va !", "bouge !")))
                .score();
    }

    private static List<Translation> nBest() {
        Hypothesis none = new Hypothesis(new int[0], 0, new float[0], null, true);
        return List.of(
                new Translation("We are late.", List.of(), List.of("nous", "sommes"), "", none),
                new Translation("We are late.", List.of(), List.of("on", "est"), "", none),
                new Translation("We are late.", List.of(), List.of("nous", "voilà"), "", none));
    }

    /** A multi-head attention block's parameters (D = 256, h = 4), counted by DJL. */
    private static long attentionParameters() {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            dev.seq2seq.nn.transformer.MultiHeadAttention attention =
                    new dev.seq2seq.nn.transformer.MultiHeadAttention(256, 4);
            attention.initialize(
                    manager,
                    ai.djl.ndarray.types.DataType.FLOAT32,
                    new ai.djl.ndarray.types.Shape(1, 3, 256));
            return attention.getParameters().stream()
                    .mapToLong(p -> p.getValue().getArray().size())
                    .sum();
        }
    }

    /** A GRU's parameters counted by DJL, not by the formula the check uses. */
    private static long gruParameters(int e, int h) {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.nn.recurrent.RecurrentBlock gru =
                    dev.seq2seq.nn.CellType.GRU.create(h, 1, false, 0f);
            gru.initialize(
                    manager,
                    ai.djl.ndarray.types.DataType.FLOAT32,
                    new ai.djl.ndarray.types.Shape(1, 1, e));
            return gru.getParameters().stream()
                    .mapToLong(p -> p.getValue().getArray().size())
                    .sum();
        }
    }

    @Test
    void theSmallestForgetBiasIsWithinTheRangeTheChartBrackets() {
        long bias = RecurrentCellExercises.smallestForgetBias();
        assertTrue(
                bias >= 1 && bias <= 3, "notebook 02's chart: bias 0 fails, 3 passes; got " + bias);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCheckAcceptsTheRightAnswerAndRejectsAWrongOne(
            String id, Object right, Object wrong, Object given) {
        Verdict none = Exercises.check(id, null, given);
        assertEquals(Verdict.Status.NOT_ANSWERED, none.status());
        assertTrue(none.message().contains("not answered yet"), none.message());
        Verdict yes = Exercises.check(id, right, given);
        assertEquals(Verdict.Status.RIGHT, yes.status(), yes.message());
        Verdict no = Exercises.check(id, wrong, given);
        assertEquals(Verdict.Status.WRONG, no.status(), no.message());
        assertTrue(no.message().contains("Hint:"), no.message());
        for (Verdict v : List.of(none, yes, no)) {
            assertFalse(
                    v.message().contains(" " + right + " ") || v.message().endsWith(" " + right),
                    "the message must not show the answer: " + v.message());
        }
    }

    @Test
    void everyExerciseHasATestCase() {
        Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertEquals(Exercises.all().keySet(), tested);
    }

    @Test
    void aNumberWithinTheToleranceIsRightAndTheToleranceIsSaid() {
        assertEquals(Verdict.Status.RIGHT, Exercises.check("12.2", 20.05).status());
        Verdict off = Exercises.check("12.2", 20.2);
        assertEquals(Verdict.Status.WRONG, off.status());
        assertTrue(off.message().contains("within 0.1 of the percentage counts as right"));
        Verdict text = Exercises.check("12.2", "twenty");
        assertEquals(Verdict.Status.WRONG, text.status());
        assertTrue(text.message().contains("wrong type"), text.message());
    }

    @Test
    void anUnknownExerciseNamesTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Exercises.check("99.9", 1));
        assertTrue(e.getMessage().contains("12.1"), e.getMessage());
    }

    @Test
    void hashedAnswersCompareTrimmedAndLowerCased() {
        String hex = Answers.hash("argmax");
        assertTrue(Answers.hashes(" ArgMax ", hex));
        assertFalse(Answers.hashes("sample", hex));
    }
}
