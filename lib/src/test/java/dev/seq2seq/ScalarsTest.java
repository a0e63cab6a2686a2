package dev.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

class ScalarsTest {

    @Test
    void holdsTheValueInTheArraysTypeAsAScalar() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray f32 = manager.zeros(new Shape(2), DataType.FLOAT32);
            NDArray f64 = manager.zeros(new Shape(2), DataType.FLOAT64);
            NDArray a = Scalars.of(f32, 0.9);
            NDArray b = Scalars.of(f64, Math.sqrt(5));
            assertEquals(new Shape(), a.getShape());
            assertEquals(DataType.FLOAT32, a.getDataType());
            assertEquals(0.9f, a.getFloat());
            assertEquals(DataType.FLOAT64, b.getDataType());
            assertEquals(Math.sqrt(5), b.getDouble());
        }
    }

    @Test
    void theBackwardStillReadsTheScalarAfterTheCollectorFreedJavaMemory() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, -2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = x.mul(Scalars.of(x, 0.9)).add(x.div(Scalars.of(x, 4))).sum();
                List<ByteBuffer> scribbled = FreedMemory.scribble();
                collector.backward(y); // x.mul(0.9f) here: NaN once the buffer is reused
                assertEquals(200_000, scribbled.size());
            }
            assertArrayEquals(
                    new float[] {1.15f, 1.15f, 1.15f}, x.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
