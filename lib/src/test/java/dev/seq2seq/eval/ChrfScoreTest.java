package dev.seq2seq.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChrfScoreTest {

    @Test
    void formatsLikeSacreBleuTextOutput() {
        // README: "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.0.0 = 52.0"
        String signature = "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.x.x";
        ChrfScore score = new ChrfScore(51.953, "chrF2", signature);
        assertEquals("chrF2|" + signature + " = 52.0", score.toSignedString(1));
        assertEquals("chrF2 = 51.95", score.toString());
        assertEquals("chrF2++ = 0.00", new ChrfScore(1e-14, "chrF2++", signature).toString());
    }
}
