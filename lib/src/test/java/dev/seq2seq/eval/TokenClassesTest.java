package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class TokenClassesTest {

    private static final TokenClasses CLASSES = TokenClasses.of(List.of("b", "a"));

    @Test
    void labelsAreTheClassesInGivenOrderThenOther() {
        assertEquals(List.of("b", "a", "<other>"), CLASSES.labels());
        assertEquals(TokenClasses.OTHER, CLASSES.labels().get(2));
    }

    @Test
    void tokensOutsideTheClassesArePooledAsOther() {
        assertEquals("a", CLASSES.classOf("a"));
        assertEquals("<other>", CLASSES.classOf("c"));
        assertEquals(
                List.of("a", "<other>", "b", "<other>"),
                CLASSES.classify(List.of("a", "c", "b", "d")));
        assertEquals(0, CLASSES.indexOf("b"));
        assertEquals(1, CLASSES.indexOf("a"));
        assertEquals(2, CLASSES.indexOf("c"));
        assertEquals(2, CLASSES.indexOf("<other>"));
    }

    @Test
    void badClassListsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TokenClasses.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenClasses.of(List.of("a", "a")));
        assertThrows(
                IllegalArgumentException.class, () -> TokenClasses.of(List.of("a", "<other>")));
    }
}
