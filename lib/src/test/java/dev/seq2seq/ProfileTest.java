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
    void aChoiceInTheCellWinsOverTheEnvironment() {
        assertEquals(Profile.QUICK, Profile.select("quick"));
        assertEquals(Profile.FULL, Profile.select("Full"));
        assertEquals(Profile.current(), Profile.select(null));
        assertThrows(IllegalArgumentException.class, () -> Profile.select(" "));
        assertThrows(IllegalArgumentException.class, () -> Profile.select("fast"));
    }

    @Test
    void descriptionSaysWhereTheChoiceCameFromAndHowToSwitch() {
        String chosen = Profile.QUICK.describe("quick");
        assertTrue(chosen.startsWith("profile: quick (chosen in this cell)"), chosen);
        assertTrue(chosen.contains("profileChoice = \"full\""), chosen);
        String inherited = Profile.FULL.describe(null);
        assertTrue(inherited.contains(Profile.ENVIRONMENT_VARIABLE), inherited);
        assertTrue(inherited.contains("profileChoice = \"quick\""), inherited);
    }

    @Test
    void quickUsesLessThanFull() {
        assertTrue(Profile.QUICK.maxPairs() < Profile.FULL.maxPairs());
        assertEquals(1, Profile.QUICK.choose(1, 2));
        assertEquals(2, Profile.FULL.choose(1, 2));
    }
}
