package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class TruecaserTest {

    @TempDir Path dir;

    private static List<String> tokens(String text) {
        return Arrays.asList(text.split(" "));
    }

    private static Truecaser toy() {
        return Truecaser.learn(
                Language.ENGLISH,
                List.of(
                        tokens("Tom lives in Boston ."),
                        tokens("I saw Tom ."),
                        tokens("Where is Boston ? It is far ."),
                        tokens("The cat sleeps ."),
                        tokens("I like the cat ."),
                        tokens("US cities are big ."),
                        tokens("Is it US ?")));
    }

    @Test
    void wordsTakeTheirMostFrequentFormAwayFromSentenceStarts() {
        Truecaser t = toy();
        assertEquals("Tom", t.form("tom"));
        assertEquals("Boston", t.form("boston"));
        // 'The' only ever starts a sentence: learned as 'the'
        assertEquals("the", t.form("the"));
        // 'It' after '?' starts a sentence too
        assertEquals("it", t.form("it"));
        assertEquals("US", t.form("us"));
        assertEquals("unseen", t.form("unseen"));
        // 'I' only ever starts a sentence here too
        assertEquals("i", t.form("i"));
        assertEquals(3, t.size()); // tom, boston, us
    }

    @Test
    void fromTargetsLearnsFromTheNormalisedCasedTargetsOnly() {
        Truecaser t =
                Truecaser.fromTargets(
                        Language.FRENCH,
                        List.of(
                                new SentencePair("I saw Tom.", "J\u2019ai vu Tom.", 1),
                                new SentencePair("Tom is here.", "Tom est ici.", 2),
                                new SentencePair("Where is PARIS?", "Où est Paris ?", 3)));
        assertEquals("Tom", t.form("tom"));
        assertEquals("Paris", t.form("paris"));
        assertEquals("vu", t.form("vu"));
    }

    @Test
    void applyCapitalisesEachSentencesFirstWord() {
        Truecaser t = toy();
        assertEquals(
                tokens("The cat saw Tom in Boston ."),
                t.apply(tokens("the cat saw tom in boston .")));
        assertEquals(tokens("Is it far ? It is ."), t.apply(tokens("is it far ? it is .")));
        assertEquals(tokens("« Oui » , dit Tom ."), t.apply(tokens("« oui » , dit tom .")));
        assertEquals(tokens("18 cats ."), t.apply(tokens("18 cats ."))); // a number starts it
        assertEquals(tokens("L' homme"), t.apply(tokens("l' homme")));
        assertEquals(List.of(), t.apply(List.of()));
        assertEquals(tokens("<unk> cats ."), t.apply(tokens("<unk> cats .")));
    }

    @Test
    void restoresTheCaseOfMostTestReferencesOfTheCorpus() {
        TranslationData data =
                TranslationData.builder()
                        .setFile(Path.of("../datasets/eng-fra.tsv"))
                        .optMaxPairs(20000)
                        .build();
        TextNormalizer cased =
                TextNormalizer.builder().setLanguage(Language.FRENCH).optLowerCase(false).build();
        int same = 0;
        for (SentencePair pair : data.split().test()) {
            List<String> original = tokens(cased.normalize(pair.target()));
            List<String> lower = new ArrayList<>();
            original.forEach(w -> lower.add(w.toLowerCase(Language.FRENCH.locale())));
            if (data.truecaser().apply(lower).equals(original)) {
                same++;
            }
        }
        double share = (double) same / data.split().test().size();
        assertTrue(share > 0.95, "test references whose case is restored exactly: " + share);
    }

    @Test
    void saveThenLoadGivesTheSameTruecaser() throws IOException {
        Truecaser t = toy();
        Path file = dir.resolve("target.truecase");
        t.save(file);
        assertEquals("boston\tBoston\ntom\tTom\nus\tUS\n", Files.readString(file));
        assertEquals(t, Truecaser.load(file, Language.ENGLISH));
    }

    @Test
    void badFilesAreNamedWithTheirLine() throws IOException {
        assertMessage("tom\tTom\nboston\n", ":2", "expected word<TAB>Form");
        assertMessage("tom\tTim\n", ":1", "not a casing");
        assertMessage("tom\tTom\ntom\tTOM\n", ":2", "repeats");
        DataFileException missing =
                assertThrows(
                        DataFileException.class,
                        () -> Truecaser.load(dir.resolve("none"), Language.FRENCH));
        assertTrue(missing.getMessage().contains("no such truecaser file"), missing.getMessage());
    }

    private void assertMessage(String content, String line, String problem) throws IOException {
        Path file = dir.resolve("bad.truecase");
        Files.writeString(file, content);
        DataFileException e =
                assertThrows(DataFileException.class, () -> Truecaser.load(file, Language.ENGLISH));
        assertTrue(e.getMessage().contains("bad.truecase" + line), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
