package dev.seq2seq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq2seq.data.Language;

import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void recordsVersionsAndRoundTripsThroughJson() {
        Provenance p =
                Provenance.of(
                        "eng-fra.tsv", "abc", Language.ENGLISH, Language.FRENCH, 7, "3 epochs");
        assertEquals("PyTorch 2.7.1", p.engine());
        // The version the build resolved (lib/pom.xml passes it), not one the test assumes.
        assertEquals(System.getProperty("seq2seq.expectedDjlVersion"), p.djlVersion());
        assertEquals(p, Provenance.fromJson(p.toJson()));
        assertEquals("5 epochs", p.withTrainingSummary("5 epochs").trainingSummary());
    }

    @Test
    void missingLanguagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Provenance.fromJson("{\"seed\": 1}"));
    }
}
