package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer english = TextNormalizer.of(Language.ENGLISH);
    private final TextNormalizer french = TextNormalizer.of(Language.FRENCH);

    @Test
    void splitsPunctuationAndLowerCases() {
        assertEquals("go .", english.normalize("Go."));
        assertEquals("wait ! are you sure ?", english.normalize("Wait! Are you sure?"));
        assertEquals("« bonjour » , dit -il .", french.normalize("«Bonjour», dit-il."));
    }

    @Test
    void keepsNumbersAndEllipsesTogether() {
        assertEquals("it costs 3.50 at 10:30 ...", english.normalize("It costs 3.50 at 10:30..."));
    }

    @Test
    void unifiesApostrophesAndNoBreakSpaces() {
        assertEquals(french.normalize("C'est l'heure !"), french.normalize("C’est l’heure\u202F!"));
        assertEquals("va !", french.normalize("Va\u00A0!"));
    }

    @Test
    void composesUnicodeToNfc() {
        String decomposed = "e\u0301te\u0301";
        assertEquals("\u00e9t\u00e9", french.normalize(decomposed));
    }

    @Test
    void frenchElisionsKeepTheirApostrophe() {
        assertEquals("c' est l' heure .", french.normalize("C'est l'heure."));
        assertEquals("il n' est pas là qu' il dit", french.normalize("Il n'est pas là qu'il dit"));
        assertEquals("je t' aime .", french.normalize("Je t'aime."));
        assertEquals("aujourd'hui quelqu'un", french.normalize("Aujourd'hui quelqu'un"));
    }

    @Test
    void frenchInversionsSplitButCompoundsStay() {
        assertEquals("est -ce que tu viens ?", french.normalize("Est-ce que tu viens ?"));
        assertEquals("quel âge as -tu ?", french.normalize("Quel âge as-tu ?"));
        assertEquals("va -t-il pleuvoir ?", french.normalize("Va-t-il pleuvoir ?"));
        assertEquals("donne -le -moi .", french.normalize("Donne-le-moi."));
        assertEquals("peut-être ma grand-mère", french.normalize("Peut-être ma grand-mère"));
    }

    @Test
    void englishCliticsSplitLikeThePennTreebank() {
        assertEquals("i do n't know .", english.normalize("I don't know."));
        assertEquals("i 'm sure tom 's right .", english.normalize("I'm sure Tom's right."));
        assertEquals("we 'll see , you 've won", english.normalize("We'll see, you've won"));
        assertEquals("o'clock", english.normalize("o'clock"));
    }

    @Test
    void optionsTurnStepsOff() {
        TextNormalizer raw =
                TextNormalizer.builder()
                        .setLanguage(Language.ENGLISH)
                        .optLowerCase(false)
                        .optSplitPunctuation(false)
                        .build();
        assertEquals("I don't know.", raw.normalize("I  don’t know."));
    }

    @Test
    void builderNeedsALanguage() {
        assertThrows(IllegalStateException.class, () -> TextNormalizer.builder().build());
    }
}
