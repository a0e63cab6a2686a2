package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.Language;
import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.decode.Hypothesis;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.store.CheckpointException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

class EvaluationSummaryTest {

    @TempDir Path dir;

    private static Translation translation(String text) {
        List<String> words = Arrays.asList(text.split(" "));
        Hypothesis h = new Hypothesis(new int[words.size()], -1, new float[1], null, true);
        return new Translation("source", List.of(), words, text, h);
    }

    private static TestSetEvaluation evaluation() {
        List<ReferenceGroup> groups =
                List.of(
                        new ReferenceGroup("i am here .", List.of("Je suis ici.", "Je suis là.")),
                        new ReferenceGroup("go !", List.of("Va !")));
        return TestSetEvaluation.score(
                List.of(translation("je suis là ."), translation("va !")), groups, Language.FRENCH);
    }

    @Test
    void summaryKeepsTheScoresOfTheEvaluation() {
        TestSetEvaluation e = evaluation();
        EvaluationSummary s = EvaluationSummary.of(e, "test", "greedy", "abc");
        assertEquals(2, s.sentences());
        assertEquals(3, s.references());
        assertEquals(e.bleu().score(), s.bleu());
        assertEquals(e.chrf().score(), s.chrf());
        assertEquals(e.bleu().signature(), s.bleuSignature());
        assertTrue(s.hasCaseSensitiveBleu());
        assertTrue(
                s.toString()
                        .contains(
                                String.format(
                                        "BLEU %.2f (case-insensitive %.2f)",
                                        e.caseSensitiveBleu().score(), e.bleu().score())),
                s.toString());
    }

    @Test
    void saveThenLoadGivesTheSameSummaryAndReplacesTheOldOne() {
        EvaluationSummary first = EvaluationSummary.of(evaluation(), "test", "greedy", "abc");
        Path file = first.save(dir);
        assertEquals(dir.resolve("evaluation-test.json"), file);
        assertEquals(first, EvaluationSummary.load(dir, "test").orElseThrow());
        EvaluationSummary second =
                new EvaluationSummary(
                        "test",
                        "beam 4",
                        2,
                        3,
                        12.5,
                        "sig",
                        40,
                        "sig",
                        "abc",
                        "2026-01-01",
                        11.5,
                        "sig");
        second.save(dir);
        assertEquals(second, EvaluationSummary.load(dir, "test").orElseThrow());
        assertFalse(Files.exists(dir.resolve("evaluation-test.json.tmp")));
        assertTrue(EvaluationSummary.load(dir, "valid").isEmpty());
    }

    @Test
    void aSummaryWrittenBeforeCaseSensitiveBleuSaysItsBleuIsCaseInsensitive() {
        EvaluationSummary old =
                new EvaluationSummary(
                        "test",
                        "greedy",
                        2,
                        3,
                        12.5,
                        "sig",
                        40,
                        "sig",
                        "abc",
                        "2026-01-01",
                        0,
                        null);
        assertFalse(old.hasCaseSensitiveBleu());
        assertTrue(
                old.toString().contains(": case-insensitive BLEU 12.50, chrF 40.00"),
                old.toString());
    }

    @Test
    void malformedOrForeignFileNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("evaluation-test.json"), "{\"split\": \"test\", ");
        CheckpointException truncated =
                assertThrows(CheckpointException.class, () -> EvaluationSummary.load(dir, "test"));
        assertTrue(truncated.getMessage().contains("evaluation-test.json"), truncated.getMessage());

        Files.writeString(dir.resolve("evaluation-test.json"), "{\"split\": \"valid\"}");
        CheckpointException foreign =
                assertThrows(CheckpointException.class, () -> EvaluationSummary.load(dir, "test"));
        assertTrue(
                foreign.getMessage().contains("not an evaluation summary"), foreign.getMessage());
    }

    @Test
    void splitNameMustBeAPlainWord() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> EvaluationSummary.file(dir, "../test"));
        assertTrue(e.getMessage().contains("../test"), e.getMessage());
    }
}
