package dev.seq2seq.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** subword-nmt's own test data (test resources {@code subword-nmt/}, see its README). */
final class SubwordNmtData {

    private SubwordNmtData() {}

    /** The codes subword-nmt learns from {@link #corpus()}: 1,000 merges, version 0.2. */
    static Path codesFile() {
        return file("bpe.ref");
    }

    /** The tokenised English corpus, one sentence of space-separated words per element. */
    static List<List<String>> corpus() {
        return sentences("corpus.en");
    }

    /** The corpus as segmented by subword-nmt's {@code apply_bpe} with {@link #codesFile()}. */
    static List<List<String>> segmented() {
        return sentences("corpus.bpe.ref.en");
    }

    private static List<List<String>> sentences(String name) {
        try {
            List<List<String>> sentences = new ArrayList<>();
            for (String line : Files.readAllLines(file(name), StandardCharsets.UTF_8)) {
                String stripped = line.strip();
                sentences.add(stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split(" ")));
            }
            return sentences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String name) {
        try {
            return Path.of(SubwordNmtData.class.getResource("/subword-nmt/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
