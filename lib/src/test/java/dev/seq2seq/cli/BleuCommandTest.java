package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.eval.Bleu;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class BleuCommandTest {

    @TempDir Path dir;
    Path hyp;
    Path ref1;
    Path ref2;

    @BeforeEach
    void sacreBleuReadmeExample() throws Exception {
        hyp =
                Files.write(
                        dir.resolve("hyp.txt"),
                        List.of(
                                "The dog bit the man.",
                                "It wasn't surprising.",
                                "The man had just bitten him."));
        ref1 =
                Files.write(
                        dir.resolve("ref1.txt"),
                        List.of(
                                "The dog bit the man.",
                                "It was not unexpected.",
                                "The man bit him first."));
        ref2 =
                Files.write(
                        dir.resolve("ref2.txt"),
                        List.of(
                                "The dog had bit the man.",
                                "No one was surprised.",
                                "The man had bitten the dog."));
    }

    @Test
    void scoreOnlyMatchesSacreBleusPublishedValues() {
        CliRun run =
                CliRun.of(
                        "",
                        "bleu",
                        ref1.toString(),
                        ref2.toString(),
                        "-i",
                        hyp.toString(),
                        "-m",
                        "bleu",
                        "chrf",
                        "-b");
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("48.53", "59.73"), run.out().lines().toList());
    }

    @Test
    void fullOutputHasTheSignatureAndAgreesWithTheLibrary() {
        CliRun run = CliRun.of("", "bleu", ref1.toString(), ref2.toString(), "-i", hyp.toString());
        assertTrue(
                run.out()
                        .startsWith(
                                "BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x.x = 48.53 "),
                run.out());
        double library =
                Bleu.builder()
                        .build()
                        .corpusScore(
                                List.of(
                                        "The dog bit the man.",
                                        "It wasn't surprising.",
                                        "The man had just bitten him."),
                                List.of(
                                        List.of("The dog bit the man.", "The dog had bit the man."),
                                        List.of("It was not unexpected.", "No one was surprised."),
                                        List.of(
                                                "The man bit him first.",
                                                "The man had bitten the dog.")))
                        .score();
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", library), "48.53");
    }

    @Test
    void lineCountMismatchNamesBothCounts() throws Exception {
        Path shortRef = Files.write(dir.resolve("short.txt"), List.of("one line"));
        CliRun run = CliRun.of("", "bleu", shortRef.toString(), "-i", hyp.toString());
        assertEquals(1, run.status());
        assertEquals(
                "seq2seq: reference file "
                        + shortRef
                        + " has 1 lines but the hypothesis file "
                        + hyp
                        + " has 3",
                run.err().strip());
    }

    @Test
    void unknownMetricIsAUsageError() {
        CliRun run = CliRun.of("", "bleu", ref1.toString(), "-i", hyp.toString(), "-m", "meteor");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unknown metric 'meteor'"), run.err());
    }

    @Test
    void pairedBootstrapPrintsEverySystemAgainstTheBaseline() throws Exception {
        List<String> refs = new java.util.ArrayList<>();
        List<String> base = new java.util.ArrayList<>();
        List<String> good = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String ref = "sentence number " + i + " has a few words in it .";
            refs.add(ref);
            base.add(i % 2 == 0 ? ref : "sentence " + i + " words .");
            good.add(ref);
        }
        Path ref = Files.write(dir.resolve("bs-ref.txt"), refs);
        Path baseline = Files.write(dir.resolve("base.txt"), base);
        Path system = Files.write(dir.resolve("good.txt"), good);
        CliRun run =
                CliRun.of(
                        "",
                        "bleu",
                        ref.toString(),
                        "-i",
                        baseline.toString(),
                        system.toString(),
                        "-m",
                        "bleu",
                        "chrf",
                        "--paired-bs",
                        "--paired-bs-n",
                        "200");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(
                lines.get(0).startsWith("paired bootstrap resampling: 200 resamples, seed 12345"));
        assertTrue(lines.get(1).contains("BLEU (μ ± 95% CI)") && lines.get(1).contains("chrF2"));
        assertTrue(lines.get(2).startsWith("Baseline: " + baseline), lines.get(2));
        assertTrue(lines.get(3).startsWith(system.toString()) && lines.get(3).contains("100.0 ("));
        assertEquals(2, lines.get(4).split("\\(p = 0\\.0050\\)\\*", -1).length - 1, lines.get(4));
        assertTrue(lines.get(5).startsWith("* p < 0.05"));
    }

    @Test
    void pairedBootstrapNeedsTwoSystemsAndNoRouge() {
        CliRun one = CliRun.of("", "bleu", ref1.toString(), "-i", hyp.toString(), "--paired-bs");
        assertEquals(1, one.status());
        assertTrue(one.err().contains("needs a baseline and at least one system"), one.err());
        CliRun rouge =
                CliRun.of(
                        "",
                        "bleu",
                        ref1.toString(),
                        "-i",
                        hyp.toString(),
                        hyp.toString(),
                        "-m",
                        "rouge",
                        "--paired-bs");
        assertEquals(1, rouge.status());
        assertTrue(rouge.err().contains("not rouge"), rouge.err());
    }

    @Test
    void severalSystemsWithoutTheTestAreScoredOneByOne() {
        CliRun run =
                CliRun.of("", "bleu", ref1.toString(), "-i", hyp.toString(), ref1.toString(), "-b");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith(hyp + ": "));
        assertEquals(ref1 + ": 100.00", lines.get(1));
    }
}
