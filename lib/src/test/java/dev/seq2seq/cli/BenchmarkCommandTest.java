package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class BenchmarkCommandTest {

    @TempDir static Path dir;
    static CliRun run;

    /** One short benchmark (a small model on 300 pairs) whose output every test reads. */
    @BeforeAll
    static void benchmark() throws Exception {
        Path corpus = CliRun.smallCorpus(dir, 300);
        run =
                CliRun.of(
                        "",
                        "benchmark",
                        "--data",
                        corpus.toString(),
                        "--warmup",
                        "2",
                        "--steps",
                        "4",
                        "--hidden",
                        "32",
                        "--embedding",
                        "32",
                        "--attention-size",
                        "32",
                        "--peak-size",
                        "256",
                        "--matmul-seconds",
                        "0.05");
    }

    @Test
    void printsThroughputMemoryAndProfile() {
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("target tokens/s"), run.out());
        assertTrue(run.out().contains("peak RSS"), run.out());
        assertTrue(run.out().contains("time per step:  forward"), run.out());
    }

    @Test
    void printsARooflineWithSaneNumbers() {
        assertEquals(0, run.status(), run.err());
        String out = run.out();
        double shares = 0;
        for (String block :
                List.of(
                        "embedding",
                        "encoder",
                        "bridge",
                        "attention",
                        "decoder cell",
                        "readout",
                        "output projection")) {
            Matcher m =
                    Pattern.compile("(?m)^  " + block + " +([0-9.]+) .* ([0-9.]+)%$").matcher(out);
            assertTrue(m.find(), block + " row missing:\n" + out);
            shares += Double.parseDouble(m.group(2));
        }
        assertEquals(100, shares, 0.5, out);
        Matcher total = Pattern.compile("(?m)^  total +[0-9.]+ +[0-9.]+ +([0-9.]+) ").matcher(out);
        assertTrue(total.find(), out);
        assertTrue(Double.parseDouble(total.group(1)) > 0, out);
        assertTrue(out.contains("square 256x256 (peak)"), out);
        assertTrue(out.contains("output projection (B·T, H) x (H, V)"), out);
        assertTrue(out.contains("additive key projection"), out);
        Matcher ratio = Pattern.compile("achieved / peak: ([0-9.]+)").matcher(out);
        assertTrue(ratio.find(), out);
        double r = Double.parseDouble(ratio.group(1));
        assertTrue(r > 0 && r < 1.5, "achieved / peak = " + r);
    }
}
