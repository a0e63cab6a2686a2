package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.List;

class Seq2SeqBatchTest {

    @Test
    void padsWithCorrectLengthsAndMarkers() {
        List<EncodedPair> pairs =
                List.of(
                        new EncodedPair(new int[] {10, 11, 12}, new int[] {20}, 7),
                        new EncodedPair(new int[] {13}, new int[] {21, 22, 23}, 9));
        try (NDManager manager = NDManager.newBaseManager();
                Seq2SeqBatch batch = Seq2SeqBatch.create(manager, pairs, 1, 1)) {
            assertEquals(new Shape(2, 4), batch.source().getShape());
            assertEquals(new Shape(2, 4), batch.targetInput().getShape());
            assertEquals(DataType.INT64, batch.source().getDataType());
            assertArrayEquals(
                    new long[] {10, 11, 12, 3, 13, 3, 0, 0}, batch.source().toLongArray());
            assertArrayEquals(new long[] {4, 2}, batch.sourceLengths().toLongArray());
            assertArrayEquals(
                    new long[] {2, 20, 0, 0, 2, 21, 22, 23}, batch.targetInput().toLongArray());
            assertArrayEquals(
                    new long[] {20, 3, 0, 0, 21, 22, 23, 3}, batch.targetOutput().toLongArray());
            assertArrayEquals(new long[] {2, 4}, batch.targetLengths().toLongArray());
            assertEquals(List.of(7, 9), batch.pairIndices());
            assertEquals(2, batch.getSize());
        }
    }

    @Test
    void closingTheBatchFreesItsTensors() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Seq2SeqBatch batch =
                    Seq2SeqBatch.create(
                            manager,
                            List.of(new EncodedPair(new int[] {5}, new int[] {6}, 0)),
                            1,
                            1);
            batch.close();
            assertEquals(true, batch.source().isReleased());
        }
    }

    @Test
    void emptyBatchIsRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Seq2SeqBatch.create(manager, List.of(), 1, 1));
        }
    }
}
