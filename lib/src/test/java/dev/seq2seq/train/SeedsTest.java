package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class SeedsTest {

    private static float[] draw() {
        try (NDManager manager = NDManager.newBaseManager()) {
            return manager.randomNormal(new Shape(8)).toFloatArray();
        }
    }

    @Test
    void sameSeedGivesSameEngineRandomNumbers() {
        Seeds.seedEverything(1234);
        float[] first = draw();
        Seeds.seedEverything(1234);
        assertArrayEquals(first, draw());
        assertEquals(1234, Engine.getInstance().getSeed());
    }

    @Test
    void seedOutsideIntRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Seeds.seedEverything(1L << 40));
    }
}
