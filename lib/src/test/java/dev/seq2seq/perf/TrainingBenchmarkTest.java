package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.nn.DecoderType;
import dev.seq2seq.nn.ForwardListener;
import dev.seq2seq.train.CopyTask;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class TrainingBenchmarkTest {

    @Test
    void measuresOnlyTheStepsAfterTheWarmUpAndTellsTheListenerInOrder() {
        CopyTask task = new CopyTask(400, 10);
        List<String> calls = new ArrayList<>();
        TrainingBenchmark.Listener listener =
                new TrainingBenchmark.Listener() {
                    @Override
                    public void warmedUp(int warmupSteps) {
                        calls.add("warmed up " + warmupSteps);
                    }

                    @Override
                    public void window(long measuredSteps, double tokensPerSecond) {
                        assertTrue(tokensPerSecond > 0);
                        calls.add("window " + measuredSteps);
                    }

                    @Override
                    public void measured(long measuredSteps) {
                        calls.add("measured " + measuredSteps);
                    }
                };
        // 400 pairs in batches of 32 make 13 batches an epoch: 20 steps cross into a second epoch
        TrainingBenchmark.Result result =
                TrainingBenchmark.builder()
                        .setData(task.train)
                        .setConfig(task.config(DecoderType.BAHDANAU))
                        .optBatchSize(32)
                        .optWarmup(3)
                        .optSteps(17)
                        .optWindow(8)
                        .optMatMul(64, 0.01)
                        .optListener(listener)
                        .build()
                        .run();
        assertEquals(List.of("warmed up 3", "window 8", "window 16", "measured 17"), calls);
        assertEquals(17, result.steps());
        Roofline roofline = result.roofline();
        assertEquals(17, roofline.steps(), "one FLOP count per measured batch");
        assertEquals(roofline.flops().targetTokens(), result.targetTokens());
        assertEquals(roofline.flops().sentences(), result.sentences());
        assertTrue(result.sentences() > 16 * 32 / 2, "17 batches of up to 32 pairs");
        assertEquals(result.targetTokens() / result.seconds(), result.tokensPerSecond(), 1e-9);
        double phases = roofline.stepSeconds();
        assertTrue(phases > 0 && phases <= result.seconds(), phases + " in " + result.seconds());
        for (ForwardListener.Part part : ForwardListener.Part.values()) {
            assertTrue(roofline.forwardSeconds().get(part) > 0, part + " not timed");
        }
        assertEquals(64, roofline.peak().product().m());
        assertTrue(!roofline.products().isEmpty());
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        CopyTask task = new CopyTask(40, 10);
        TrainingBenchmark.Builder ok =
                TrainingBenchmark.builder()
                        .setData(task.train)
                        .setConfig(task.config(DecoderType.PLAIN));
        assertEquals(
                "config is required: call setConfig",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TrainingBenchmark.builder().setData(task.train).build())
                        .getMessage());
        assertEquals(
                "warm-up steps must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> ok.optWarmup(0).build())
                        .getMessage());
        ok.optWarmup(1);
        assertEquals(
                "matmul seconds must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> ok.optMatMul(64, 0).build())
                        .getMessage());
    }
}
