package dev.seq2seq.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain-text vocabulary file: one {@code token<TAB>count} line per id, in id order, starting
 * with the four reserved tokens {@code <pad> <unk> <bos> <eos>}. Easy to read and diff; a file that
 * does not follow the format is rejected with its file and line.
 */
final class VocabularyFile {

    private VocabularyFile() {}

    /**
     * Saves a vocabulary, one {@code token<TAB>count} line per id.
     *
     * @param vocabulary the vocabulary
     * @param file the file to write; its folder must exist
     * @throws UncheckedIOException if the file cannot be written
     */
    static void save(Vocabulary vocabulary, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < vocabulary.size(); i++) {
                out.write(vocabulary.token(i) + "\t" + vocabulary.count(i) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vocabulary " + file, e);
        }
    }

    /**
     * Loads a vocabulary written by {@link #save}.
     *
     * @param file the file
     * @return the vocabulary, equal to the one saved
     * @throws DataFileException if the file is missing, is not UTF-8, lacks the reserved tokens at
     *     ids 0-3, repeats a token, or has a malformed line; the message names file and line
     */
    static Vocabulary load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "no such vocabulary file", e);
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "invalid UTF-8", e);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        List<String> reserved = Vocabulary.reservedTokens();
        List<String> tokens = new ArrayList<>(lines.size());
        long[] counts = new long[lines.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\t", -1);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw new DataFileException(file, i + 1, "expected token<TAB>count");
            }
            try {
                counts[i] = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                throw new DataFileException(
                        file, i + 1, "count '" + parts[1] + "' is not a number");
            }
            Integer before = seen.put(parts[0], i + 1);
            if (before != null) {
                throw new DataFileException(
                        file, i + 1, "token '" + parts[0] + "' repeats line " + before);
            }
            if (i < Vocabulary.reservedTokens().size() && !parts[0].equals(reserved.get(i))) {
                throw new DataFileException(
                        file, i + 1, "expected reserved token " + reserved.get(i) + " at id " + i);
            }
            tokens.add(parts[0]);
        }
        if (tokens.size() < Vocabulary.reservedTokens().size()) {
            throw new DataFileException(
                    file,
                    0,
                    "a vocabulary has at least the 4 reserved tokens, found " + tokens.size());
        }
        return Vocabulary.of(tokens, counts);
    }
}
