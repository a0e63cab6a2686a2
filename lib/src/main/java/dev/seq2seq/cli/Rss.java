package dev.seq2seq.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, from {@code /proc/self/status} (Linux). */
final class Rss {

    private Rss() {}

    /**
     * @return the current resident set size in MiB, or NaN where /proc is unavailable
     */
    static double currentMiB() {
        return read("VmRSS:");
    }

    /**
     * @return the peak resident set size in MiB, or NaN where /proc is unavailable
     */
    static double peakMiB() {
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
