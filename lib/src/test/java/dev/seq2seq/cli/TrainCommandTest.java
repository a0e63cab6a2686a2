package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class TrainCommandTest {

    @TempDir Path dir;

    @Test
    void writesACompleteCheckpointAndReportsTestBleu() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 600);
        Path out = dir.resolve("model");
        CliRun run = CliRun.trainTiny(corpus, out);
        assertEquals(0, run.status(), run.err());
        for (String file :
                new String[] {
                    "model.params",
                    "config.json",
                    "source.vocab",
                    "target.vocab",
                    "provenance.json",
                    "history.csv",
                    "training.json",
                    "loss.png"
                }) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(run.out().contains("test (greedy): BLEU|nrefs:"), run.out());
        assertTrue(run.out().contains("(case-insensitive "), run.out());
    }

    @Test
    void charactersTrainASpellingToSoundModelThatTranslateAndEvaluateUse() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../datasets/cmudict.tsv"));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 50) {
            kept.add(lines.get(i));
        }
        Path corpus = Files.write(dir.resolve("cmudict-slice.tsv"), kept);
        Path out = dir.resolve("g2p");
        CliRun run = CliRun.trainTiny(corpus, out, "--units", "chars");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("test (greedy): WER "), run.out());
        assertTrue(run.out().contains("% (") && run.out().contains("phonemes)"), run.out());
        assertTrue(Files.readString(out.resolve("provenance.json")).contains("\"CHARACTERS\""));
        CliRun translated = CliRun.of("through\ncough\n", "translate", "--model", out.toString());
        assertEquals(0, translated.status(), translated.err());
        for (String line : translated.out().lines().toList()) {
            assertTrue(line.matches("[A-Z ]*"), "phonemes separated by spaces: " + line);
        }
        CliRun evaluated =
                CliRun.of(
                        "",
                        "evaluate",
                        "--model",
                        out.toString(),
                        "--data",
                        corpus.toString(),
                        "--split",
                        "test");
        assertEquals(0, evaluated.status(), evaluated.err());
        assertTrue(evaluated.out().contains(" words, "), evaluated.out());
        assertTrue(evaluated.out().contains("WER "), evaluated.out());
        assertTrue(evaluated.out().contains("bootstrap (1,000 resamples of the words)"));
        CliRun refused =
                CliRun.trainTiny(corpus, dir.resolve("x"), "--units", "chars", "--bpe", "10");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("--units chars reads characters"), refused.err());
    }

    @Test
    void bpeTrainsASubwordModelWhoseTranslationsAreWords() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 600);
        Path out = dir.resolve("subword");
        CliRun run = CliRun.trainTiny(corpus, out, "--bpe", "300");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(", subword units: 300 joint BPE merges"), run.out());
        assertTrue(Files.readString(out.resolve("source.codes")).startsWith("#version: 0.2\n"));
        assertTrue(Files.readString(out.resolve("source.vocab")).contains("@@\t"));
        CliRun translated =
                CliRun.of(
                        "I love you.\nThe cat is sleeping.\n",
                        "translate",
                        "--model",
                        out.toString());
        assertEquals(0, translated.status(), translated.err());
        assertEquals(2, translated.out().lines().count(), translated.out());
        assertFalse(translated.out().contains("@@"), translated.out());
        // the truecaser saved beside the model capitalises each sentence's first word
        assertTrue(Files.isRegularFile(out.resolve("target.truecase")));
        translated
                .out()
                .lines()
                .forEach(
                        line ->
                                assertTrue(
                                        line.isEmpty() || !Character.isLowerCase(line.charAt(0)),
                                        line));
    }

    @Test
    void bpeDropoutIsRecordedWithTheDataAndRefusedForWords() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 600);
        Path out = dir.resolve("dropout");
        CliRun run = CliRun.trainTiny(corpus, out, "--bpe", "300", "--bpe-dropout", "0.1");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("300 joint BPE merges, BPE-dropout 0.1"), run.out());
        assertTrue(Files.readString(out.resolve("training.json")).contains("\"bpeDropout\": 0.1"));
        CliRun translated = CliRun.of("I love you.\n", "translate", "--model", out.toString());
        assertEquals(0, translated.status(), translated.err());
        assertFalse(translated.out().contains("@@"), translated.out());

        CliRun words =
                CliRun.trainTiny(
                        corpus, dir.resolve("words"), "--bpe", "0", "--bpe-dropout", "0.1");
        assertEquals(2, words.status());
        assertTrue(words.err().contains("--bpe-dropout 0.1 needs subword units"), words.err());
        assertFalse(Files.exists(dir.resolve("words")));
    }

    @Test
    void trainsATransformerWithTheNoamSchedule() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 600);
        Path out = dir.resolve("transformer");
        CliRun run =
                CliRun.of(
                        "",
                        "train",
                        "--data",
                        corpus.toString(),
                        "--out",
                        out.toString(),
                        "--epochs",
                        "1",
                        "--architecture",
                        "transformer",
                        "--hidden",
                        "16",
                        "--heads",
                        "2",
                        "--ffn",
                        "32",
                        "--encoder-layers",
                        "1",
                        "--decoder-layers",
                        "1",
                        "--lr-schedule",
                        "noam",
                        "--warmup",
                        "10");
        assertEquals(0, run.status(), run.err());
        assertTrue(
                Files.readString(out.resolve("config.json")).contains("\"TRANSFORMER\""),
                Files.readString(out.resolve("config.json")));
        assertTrue(Files.readString(out.resolve("training.json")).contains("\"NOAM\""));
        assertTrue(run.out().contains("test (greedy): BLEU|nrefs:"), run.out());
    }

    @Test
    void missingCorpusIsOneClearLine() {
        CliRun run =
                CliRun.of(
                        "",
                        "train",
                        "--data",
                        dir.resolve("none.tsv").toString(),
                        "--out",
                        dir.toString());
        assertEquals(1, run.status());
        assertEquals("seq2seq: " + dir.resolve("none.tsv") + ": no such file", run.err().strip());
    }

    @Test
    void epochsAndMinutesExcludeEachOther() {
        CliRun run =
                CliRun.of(
                        "",
                        "train",
                        "--data",
                        "x",
                        "--out",
                        "y",
                        "--epochs",
                        "1",
                        "--minutes",
                        "2");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }

    @Test
    void outNamingAFileFailsBeforeTraining() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 100);
        Path file = Files.writeString(dir.resolve("notafolder"), "keep me");
        CliRun run = CliRun.of("", "train", "--data", corpus.toString(), "--out", file.toString());
        assertEquals(1, run.status());
        assertEquals(
                "seq2seq: cannot write " + file + ": it is a file, not a folder",
                run.err().strip());
        assertTrue(!run.out().contains("epoch 1"), "no training: " + run.out());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void trainingWithoutOutOrResumeIsAClearError() {
        CliRun run = CliRun.of("", "train", "--data", "x.tsv");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--out"), run.err());
    }
}
