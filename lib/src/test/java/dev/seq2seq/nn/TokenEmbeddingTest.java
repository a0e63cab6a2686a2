package dev.seq2seq.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;

import org.junit.jupiter.api.Test;

class TokenEmbeddingTest {

    @Test
    void looksUpRowsOfTheTable() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TokenEmbedding embedding = new TokenEmbedding(10, 4);
            embedding.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            embedding.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
            NDArray table = embedding.getParameters().get("weight").getArray();
            NDArray ids = manager.create(new long[] {1, 7, 7, 0, 9, 2}, new Shape(2, 3));
            NDArray out =
                    embedding
                            .forward(new ParameterStore(manager, false), new NDList(ids), false)
                            .head();
            assertEquals(new Shape(2, 3, 4), out.getShape());
            assertTrue(out.get("0, 1").contentEquals(table.get(7)));
            assertTrue(out.get("1, 1").contentEquals(table.get(9)));
        }
    }

    @Test
    void floatIdsAndBadSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TokenEmbedding(0, 4));
        try (NDManager manager = NDManager.newBaseManager()) {
            TokenEmbedding embedding = new TokenEmbedding(10, 4);
            embedding.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            embedding.initialize(manager, DataType.FLOAT32, new Shape(1));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    embedding.forward(
                                            new ParameterStore(manager, false),
                                            new NDList(manager.ones(new Shape(2))),
                                            false));
            assertTrue(e.getMessage().contains("int32 or int64"));
        }
    }
}
