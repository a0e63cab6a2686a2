package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    private Progress.Builder plain(String task, long total) {
        return Progress.builder()
                .setTask(task)
                .setTotal(total)
                .optUnit("batches")
                .optOutput(out)
                .optInteractive(false)
                .optClock(() -> now);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void nonInteractiveModePrintsBoundedLinesEndingAt100Percent() {
        try (Progress p = plain("epoch 1", 1000).build()) {
            for (int i = 0; i < 1000; i++) {
                now += 1_000_000; // 1 ms per step
                p.setExtraMessage("loss " + (1000 - i));
                p.step();
            }
        }
        List<String> lines = lines();
        assertTrue(lines.size() <= 12, lines.size() + " lines: " + lines);
        assertEquals("epoch 1  [          ] 0%  0/1000 batches  eta ?", lines.get(0));
        assertEquals(
                "epoch 1  [##########] 100%  1000/1000 batches  took 0:01  loss 1",
                lines.get(lines.size() - 1));
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void withoutPlainLinesALoopIsSilentButStillCounts() {
        try (Progress p = plain("epoch 1", 100).optPlainLines(false).build()) {
            for (int i = 0; i < 100; i++) {
                now += 120_000_000_000L; // two minutes per step: a heartbeat would be due
                p.setExtraMessage("loss " + i);
                p.step();
            }
            assertEquals(100, p.current());
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void lineShowsBarPercentCountsEtaAndMessage() {
        PlainProgress plain =
                new PlainProgress("epoch 3", 790, "batches", out, Long.MAX_VALUE, () -> 0);
        plain.update(412);
        plain.setExtra("loss 3.12");
        // 412 batches in 44.7 s: 378 left at the same pace take 41 s.
        assertEquals(
                "epoch 3  [#####     ] 52%  412/790 batches  eta 0:41  loss 3.12",
                plain.line(44_700_000_000L));
        plain.update(29 * 79 / 10); // 229/790 = 28.99%: rounds down
        assertTrue(plain.line(0).contains("] 28%  229/790"), plain.line(0));
        assertEquals("1:02:05", PlainProgress.clockTime(3725));
        assertEquals("0:59", PlainProgress.clockTime(59.4));
    }

    @Test
    void slowLoopsPrintAHeartbeatLine() {
        try (Progress p = plain("valid", 100).optIntervalSeconds(30).build()) {
            now += 31_000_000_000L;
            p.step(); // 1%: no 10% mark, but 31 s since the last line
            now += 1_000_000_000L;
            p.step(); // 2%: only 1 s later, nothing
        }
        List<String> lines = lines();
        assertEquals(3, lines.size(), lines.toString()); // 0%, heartbeat, 2% at close
        assertTrue(lines.get(1).contains(" 1/100 batches"));
        assertTrue(lines.get(2).contains(" 2/100 batches"));
    }

    @Test
    void closingEarlyPrintsTheFinalStateOnce() {
        Progress p = plain("epoch 2", 100).build();
        for (int i = 0; i < 7; i++) {
            p.step();
        }
        p.close();
        p.close();
        List<String> lines = lines();
        assertEquals(2, lines.size(), lines.toString()); // 0%, then 7% at close
        assertTrue(lines.get(1).startsWith("epoch 2  [          ] 7%  7/100 batches  eta "));
        assertThrows(IllegalStateException.class, p::step);
    }

    @Test
    void interactiveModeDrawsTheAnimatedBar() {
        try (Progress p =
                Progress.builder()
                        .setTask("epoch 4")
                        .setTotal(3)
                        .optOutput(out)
                        .optInteractive(true)
                        .build()) {
            p.step();
            p.step();
            p.step();
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\r") && text.contains("epoch 4"), text);
        assertTrue(text.contains("3/3"), text);
    }

    @Test
    void withoutAConsoleTheDefaultIsPlainLines() {
        assumeTrue(System.console() == null, "needs a JVM without a console, as under Maven");
        assertFalse(Progress.hasTerminal());
        try (Progress p = Progress.builder().setTask("eval").setTotal(4).optOutput(out).build()) {
            p.stepBy(4);
        }
        assertEquals(2, lines().size(), lines().toString());
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void builderNamesTheMissingValue() {
        assertEquals(
                "Progress needs setTotal(n) with n >= 0, got -1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Progress.builder().setTask("x").build())
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Progress.builder().setTotal(3).build());
    }
}
