package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The BLEU tokenizers on sentences from sacreBLEU's tests and README. sacreBLEU has no unit tests
 * of 13a/intl output strings, so the expected strings were produced by running the tokenizers of
 * sacreBLEU v2.6.0 ({@code tokenizer_13a.py}, {@code tokenizer_intl.py}; Python regex 2026.5.9) on
 * these inputs; each can also be checked by hand against the regular expressions.
 */
class BleuTokenizerTest {

    private static void check(String input, String expected13a, String expectedIntl) {
        assertEquals(expected13a, BleuTokenizer.MTEVAL_13A.tokenize(input), "13a: " + input);
        assertEquals(expectedIntl, BleuTokenizer.INTL.tokenize(input), "intl: " + input);
    }

    @Test
    void readmeExampleSplitsFinalPeriodButNotApostropheIn13a() {
        check("The dog bit the man.", "The dog bit the man .", "The dog bit the man .");
        check("It wasn't surprising.", "It wasn't surprising .", "It wasn ' t surprising .");
    }

    @Test
    void testSentenceBleuExampleSplitsSemicolon() {
        // test_sentence_bleu.py, example from #98
        String ref = "producţia de zahăr brut se exprimă în zahăr alb;";
        String tokenized = "producţia de zahăr brut se exprimă în zahăr alb ;";
        check(ref, tokenized, tokenized);
    }

    @Test
    void controlCharacterIsWhitespace() {
        // test.sh, "Control character tests": a \r inside a reference must not change BLEU
        String expected = "Hello ! How are you doing today ?";
        check("Hello! How are you \r doing today?", expected, expected);
    }

    @Test
    void numbersKeepTheirSeparatorsAndIntlKeepsAFinalPeriodAfterDigits() {
        // tokenizer_intl.py docstring: "a number (e.g., a year) followed by a dot at the end of
        // sentence is NOT tokenized"; 13a pads the line with spaces, so it splits the dot
        check(
                "It costs $1,000.50 (approx.) in 2019.",
                "It costs $ 1,000.50 ( approx . ) in 2019 .",
                "It costs $ 1,000.50 ( approx . ) in 2019.");
        check("a.b,c 1.5 x.9 9.x", "a . b , c 1.5 x . 9 9 . x", "a . b , c 1.5 x . 9 9 . x");
    }

    @Test
    void thirteenAUnescapesEntitiesAndDropsSkipped() {
        check(
                "&quot;Tom &amp; Jerry&quot; &lt;b&gt; well-\nknown 1990-2000 e-mail <skipped>",
                "\" Tom & Jerry \" < b > wellknown 1990 - 2000 e-mail",
                "& quot ; Tom & amp ; Jerry & quot ; & lt ; b & gt ; well - known 1990-2000 e - mail"
                        + " < skipped >");
    }

    @Test
    void intlSplitsUnicodePunctuationAndSymbols() {
        check(
                "«Bonjour», dit-il — 3,5 % de 10€… ¿Qué? 東京。",
                "«Bonjour» , dit-il — 3,5 % de 10€… ¿Qué ? 東京。",
                "« Bonjour » , dit - il — 3,5 % de 10 € … ¿ Qué ? 東京 。");
    }

    @Test
    void charAndNoneTokenizers() {
        assertEquals("a b c", BleuTokenizer.CHAR.tokenize("abc"));
        assertEquals("😀 !", BleuTokenizer.CHAR.tokenize("😀!"));
        assertEquals("  keep  as is ", BleuTokenizer.NONE.tokenize("  keep  as is "));
    }

    @Test
    void namesRoundTrip() {
        for (BleuTokenizer tokenizer : BleuTokenizer.values()) {
            assertEquals(tokenizer, BleuTokenizer.fromSignature(tokenizer.signature()));
        }
        assertEquals("13a", BleuTokenizer.MTEVAL_13A.signature());
        assertThrows(IllegalArgumentException.class, () -> BleuTokenizer.fromSignature("zh"));
    }
}
