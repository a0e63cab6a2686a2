package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.Language;

import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void recordsVersionsAndRoundTripsThroughJson() {
        Provenance p =
                Provenance.of(
                        "eng-fra.tsv", "abc", Language.ENGLISH, Language.FRENCH, 7, "3 epochs");
        assertEquals("PyTorch 2.7.1", p.engine());
        assertTrue(p.djlVersion().startsWith("0.35"));
        assertEquals(p, Provenance.fromJson(p.toJson()));
        assertEquals("5 epochs", p.withTrainingSummary("5 epochs").trainingSummary());
    }

    @Test
    void missingLanguagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Provenance.fromJson("{\"seed\": 1}"));
    }
}
