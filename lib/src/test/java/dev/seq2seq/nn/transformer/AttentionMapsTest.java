package dev.seq2seq.nn.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class AttentionMapsTest {

    @Test
    void theReportedWeightsAreTheLastLayersCrossAttentionAveragedOverHeads() {
        try (NDManager m = NDManager.newBaseManager()) {
            // (B, h, T, S) = (1, 2, 1, 2): heads (1, 0) and (0, 1) average to (0.5, 0.5)
            NDArray first = m.create(new float[] {0.9f, 0.1f, 0.2f, 0.8f}).reshape(1, 2, 1, 2);
            NDArray last = m.create(new float[] {1, 0, 0, 1}).reshape(1, 2, 1, 2);
            List<NDArray> self = new ArrayList<>(List.of(first, first));
            AttentionMaps maps = new AttentionMaps(self, List.of(first, last));
            assertArrayEquals(new float[] {0.5f, 0.5f}, maps.lastCrossMean().toFloatArray());
            self.clear(); // the record keeps its own copy
            assertThrows(UnsupportedOperationException.class, () -> maps.self().add(first));
            assertArrayEquals(first.toFloatArray(), maps.self().get(1).toFloatArray());
        }
    }
}
