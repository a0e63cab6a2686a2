package dev.seq2seq.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, from {@code /proc/self/status} (Linux). */
public final class Rss {

    private Rss() {}

    /**
     * Returns the current resident set size.
     *
     * @return MiB, or NaN where /proc is unavailable
     */
    public static double currentMiB() {
        return read("VmRSS:");
    }

    /**
     * Returns the peak resident set size of this process so far.
     *
     * @return MiB, or NaN where /proc is unavailable
     */
    public static double peakMiB() {
        return read("VmHWM:");
    }

    private static double read(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
