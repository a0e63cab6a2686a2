package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradientFlowTest {

    private static double decay(CellType cell, float weightScale, float gateBias) {
        double[] norms = GradientFlow.norms(cell, 32, 30, 8, weightScale, gateBias, 3);
        assertEquals(30, norms.length);
        return norms[29] / norms[0];
    }

    @Test
    void plainRnnGradientVanishesWithDistance() {
        assertTrue(decay(CellType.RNN, 1f, 0f) < 1e-3);
    }

    @Test
    void largeWeightsMakeThePlainRnnGradientExplode() {
        assertTrue(decay(CellType.RNN, 3f, 0f) > 1);
    }

    @Test
    void openGatesKeepTheGradientOfGatedCellsAlive() {
        double rnn = decay(CellType.RNN, 1f, 0f);
        for (CellType cell : new CellType[] {CellType.GRU, CellType.LSTM}) {
            double closed = decay(cell, 1f, 0f);
            double open = decay(cell, 1f, 3f);
            assertTrue(open > 1000 * rnn, cell + ": " + open + " vs RNN " + rnn);
            assertTrue(open > 1000 * closed, cell + ": open " + open + " vs closed " + closed);
        }
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.norms(CellType.GRU, 0, 3, 1, 1f, 0f, 1));
    }
}
