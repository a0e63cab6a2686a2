package dev.seq2seq.data;

import ai.djl.util.Preconditions;

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
 * The merge operations of byte-pair encoding (Sennrich, Haddow &amp; Birch 2016), in the order they
 * were learned: merge {@code i} has rank {@code i}, and a lower rank is applied first. Immutable.
 *
 * <p>Stored as subword-nmt's plain-text codes file, so that codes learned by subword-nmt can be
 * loaded here and ours read there: an optional header {@code #version: 0.2}, then one merge per
 * line, the two symbols separated by one space. Words end in the end-of-word marker {@value
 * #END_OF_WORD}, which takes part in merges; {@link EndOfWord} says whether it is a symbol of its
 * own (the paper's Algorithm 1 and subword-nmt's version 0.1, the format without a header) or
 * attached to a word's last character (subword-nmt's version 0.2, the default).
 */
public final class BpeCodes {

    /** The end-of-word marker used while learning and in the codes file. */
    public static final String END_OF_WORD = "</w>";

    /** The header line of a version 0.2 codes file. */
    public static final String VERSION_HEADER = "#version: 0.2";

    /** Where the end-of-word marker goes when a word is split into its first symbols. */
    public enum EndOfWord {
        /**
         * A symbol of its own: {@code low} starts as {@code l o w </w>} (the paper's Algorithm 1;
         * subword-nmt's version 0.1, whose files have no header).
         */
        SEPARATE,
        /**
         * Attached to the last character: {@code low} starts as {@code l o w</w>} (subword-nmt's
         * version 0.2, whose files start with {@value #VERSION_HEADER}).
         */
        ATTACHED
    }

    /**
     * One merge operation: the two adjacent symbols and the symbol they become.
     *
     * @param left the left symbol
     * @param right the right symbol
     */
    public record Merge(String left, String right) {

        /**
         * Checks the symbols.
         *
         * @throws IllegalArgumentException if a symbol is empty or contains white space
         */
        public Merge {
            for (String symbol : new String[] {left, right}) {
                Preconditions.checkArgument(
                        symbol != null
                                && !symbol.isEmpty()
                                && !symbol.chars().anyMatch(Character::isWhitespace),
                        "a merge symbol must be non-empty without white space, got '"
                                + symbol
                                + "'");
            }
        }

        /**
         * Returns the merged symbol.
         *
         * @return {@code left + right}
         */
        public String merged() {
            return left + right;
        }

        @Override
        public String toString() {
            return left + " " + right;
        }
    }

    private final List<Merge> merges;
    private final EndOfWord endOfWord;
    private final Map<Merge, Integer> ranks;

    /**
     * Creates codes from merges in rank order.
     *
     * @param merges the merges, first learned first
     * @param endOfWord where the end-of-word marker goes
     * @throws IllegalArgumentException if a merge repeats
     */
    public BpeCodes(List<Merge> merges, EndOfWord endOfWord) {
        this.merges = List.copyOf(merges);
        this.endOfWord = endOfWord;
        this.ranks = new HashMap<>();
        for (int i = 0; i < this.merges.size(); i++) {
            Integer before = ranks.putIfAbsent(this.merges.get(i), i);
            if (before != null) {
                throw new IllegalArgumentException(
                        "merge '" + this.merges.get(i) + "' repeats merge " + (before + 1));
            }
        }
    }

    /**
     * Returns the merges in rank order.
     *
     * @return the merges
     */
    public List<Merge> merges() {
        return merges;
    }

    /**
     * Returns the number of merges.
     *
     * @return the number of merge operations
     */
    public int size() {
        return merges.size();
    }

    /**
     * Returns where the end-of-word marker goes.
     *
     * @return the convention these codes were learned with
     */
    public EndOfWord endOfWord() {
        return endOfWord;
    }

    /**
     * Returns the rank of a merge.
     *
     * @param left the left symbol
     * @param right the right symbol
     * @return its rank (0 is applied first), or -1 if these codes do not merge the pair
     */
    public int rank(String left, String right) {
        return ranks.getOrDefault(new Merge(left, right), -1);
    }

    /**
     * Returns a word's first symbols, before any merge: its characters (Unicode code points) with
     * the end-of-word marker placed as {@link #endOfWord()} says.
     *
     * @param word a word, without white space
     * @return e.g. {@code [l, o, w</w>]} (attached) or {@code [l, o, w, </w>]} (separate)
     * @throws IllegalArgumentException if the word is empty
     */
    public List<String> characters(String word) {
        Preconditions.checkArgument(!word.isEmpty(), "cannot split an empty word into symbols");
        List<String> symbols = new ArrayList<>(word.length() + 1);
        word.codePoints().forEach(c -> symbols.add(Character.toString(c)));
        if (endOfWord == EndOfWord.SEPARATE) {
            symbols.add(END_OF_WORD);
        } else {
            int last = symbols.size() - 1;
            symbols.set(last, symbols.get(last) + END_OF_WORD);
        }
        return symbols;
    }

    /**
     * Saves the codes in subword-nmt's format (a {@value #VERSION_HEADER} header for attached
     * end-of-word markers, none for separate ones).
     *
     * @param file the file to write; its folder must exist
     * @throws UncheckedIOException if the file cannot be written
     */
    public void save(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (endOfWord == EndOfWord.ATTACHED) {
                out.write(VERSION_HEADER + "\n");
            }
            for (Merge merge : merges) {
                out.write(merge + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write BPE codes " + file, e);
        }
    }

    /**
     * Loads a codes file written by {@link #save} or by subword-nmt's {@code learn_bpe}.
     *
     * @param file the file
     * @return the codes; attached end-of-word markers if the file starts with {@value
     *     #VERSION_HEADER}, separate ones if it has no header
     * @throws DataFileException if the file is missing, is not UTF-8, has another version header, a
     *     line that is not two symbols separated by one space, or a repeated merge; the message
     *     names file and line
     */
    public static BpeCodes load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "no such BPE codes file", e);
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "invalid UTF-8", e);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        EndOfWord endOfWord = EndOfWord.SEPARATE;
        int first = 0;
        if (!lines.isEmpty() && lines.get(0).startsWith("#version:")) {
            if (!lines.get(0).strip().equals(VERSION_HEADER)) {
                throw new DataFileException(
                        file, 1, "unsupported '" + lines.get(0) + "', expected " + VERSION_HEADER);
            }
            endOfWord = EndOfWord.ATTACHED;
            first = 1;
        }
        List<Merge> merges = new ArrayList<>(lines.size());
        Map<Merge, Integer> seen = new HashMap<>();
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] parts = line.split(" ", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new DataFileException(
                        file,
                        i + 1,
                        "expected two symbols separated by one space, got '" + line + "'");
            }
            Merge merge = new Merge(parts[0], parts[1]);
            Integer before = seen.putIfAbsent(merge, i + 1);
            if (before != null) {
                throw new DataFileException(
                        file, i + 1, "merge '" + merge + "' repeats line " + before);
            }
            merges.add(merge);
        }
        return new BpeCodes(merges, endOfWord);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BpeCodes codes
                && codes.endOfWord == endOfWord
                && codes.merges.equals(merges);
    }

    @Override
    public int hashCode() {
        return 31 * merges.hashCode() + endOfWord.hashCode();
    }

    @Override
    public String toString() {
        return "BpeCodes(" + merges.size() + " merges, end of word " + endOfWord + ")";
    }
}
