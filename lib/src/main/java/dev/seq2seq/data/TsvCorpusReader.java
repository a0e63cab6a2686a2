package dev.seq2seq.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tab-separated parallel corpus: one pair per line, {@code source<TAB>target}, UTF-8.
 *
 * <p>The reader is strict: every problem is a {@link DataFileException} naming the file and line
 * (wrong column count, empty side, empty line, invalid UTF-8, empty file), so nothing is silently
 * dropped. A byte-order mark on the first line and Windows line ends are accepted. Exports with a
 * third attribution column (the Tatoeba/Anki format) are read with {@code
 * optAllowExtraColumns(true)}.
 */
public final class TsvCorpusReader {

    private final boolean allowExtraColumns;

    private TsvCorpusReader(Builder builder) {
        this.allowExtraColumns = builder.allowExtraColumns;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a corpus with the default settings (exactly two columns).
     *
     * @param file the TSV file
     * @return the corpus, with the file's SHA-256
     * @throws DataFileException if the file is missing, empty or malformed; the message names the
     *     file and line
     */
    public static ParallelCorpus readDefault(Path file) {
        return builder().build().read(file);
    }

    /**
     * Reads a corpus.
     *
     * @param file the TSV file
     * @return the corpus, with the file's SHA-256
     * @throws DataFileException if the file is missing, empty or malformed; the message names the
     *     file and line
     */
    public ParallelCorpus read(Path file) {
        MessageDigest digest = FileHash.newDigest();
        CharsetDecoder utf8 = Utf8Lines.strictDecoder();
        List<SentencePair> pairs = new ArrayList<>();
        int lineNumber = 0;
        try (InputStream in =
                new BufferedInputStream(
                        new DigestInputStream(Files.newInputStream(file), digest))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            int b;
            boolean more = true;
            while (more) {
                b = in.read();
                if (b != '\n' && b != -1) {
                    bytes.write(b);
                    continue;
                }
                more = b != -1;
                if (!more && bytes.size() == 0) {
                    break; // the final line end, or an empty file
                }
                lineNumber++;
                String line = Utf8Lines.decode(utf8, bytes.toByteArray(), file, lineNumber);
                bytes.reset();
                pairs.add(parse(file, lineNumber, clean(line, lineNumber)));
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "no such file", e);
        } catch (IOException e) {
            throw new DataFileException(file, lineNumber, "cannot read: " + e.getMessage(), e);
        }
        if (pairs.isEmpty()) {
            throw new DataFileException(file, 0, "empty file: no sentence pairs");
        }
        String hash = FileHash.hex(digest);
        return new ParallelCorpus(file.toString(), hash, pairs);
    }

    private static String clean(String line, int lineNumber) {
        String result = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return lineNumber == 1 && result.startsWith("\uFEFF") ? result.substring(1) : result;
    }

    private SentencePair parse(Path file, int lineNumber, String line) {
        if (line.isBlank()) {
            throw new DataFileException(file, lineNumber, "empty line: expected source<TAB>target");
        }
        String[] columns = line.split("\t", -1);
        boolean countOk = allowExtraColumns ? columns.length >= 2 : columns.length == 2;
        if (!countOk) {
            throw new DataFileException(
                    file,
                    lineNumber,
                    "expected "
                            + (allowExtraColumns ? "at least " : "")
                            + "2 tab-separated columns (source, target), found "
                            + columns.length);
        }
        String source = columns[0].strip();
        String target = columns[1].strip();
        if (source.isEmpty()) {
            throw new DataFileException(file, lineNumber, "empty source (column 1)");
        }
        if (target.isEmpty()) {
            throw new DataFileException(file, lineNumber, "empty target (column 2)");
        }
        return new SentencePair(source, target, lineNumber);
    }

    /** Builds a {@link TsvCorpusReader}. */
    public static final class Builder {
        private boolean allowExtraColumns;

        private Builder() {}

        /**
         * Accepts lines with more than two columns and ignores the extra ones (for example the
         * attribution column of Tatoeba/Anki exports). Off by default.
         *
         * @param allow whether extra columns are accepted
         * @return this builder
         */
        public Builder optAllowExtraColumns(boolean allow) {
            this.allowExtraColumns = allow;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public TsvCorpusReader build() {
            return new TsvCorpusReader(this);
        }
    }
}
