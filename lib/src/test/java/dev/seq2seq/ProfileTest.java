package dev.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void parsesNamesAndDefaultsToFull() {
        assertEquals(Profile.QUICK, Profile.parse("quick"));
        assertEquals(Profile.FULL, Profile.parse(" FULL "));
        assertEquals(Profile.FULL, Profile.parse(null));
        assertEquals(Profile.FULL, Profile.parse(""));
    }

    @Test
    void unknownProfileNamesTheVariable() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertTrue(e.getMessage().contains("SEQ2SEQ_PROFILE='fast'"));
    }

    @Test
    void quickUsesLessThanFull() {
        assertTrue(Profile.QUICK.maxPairs() < Profile.FULL.maxPairs());
        assertEquals(1, Profile.QUICK.choose(1, 2));
        assertEquals(2, Profile.FULL.choose(1, 2));
    }
}
