package dev.seq2seq.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict UTF-8 decoding of text lines, shared by {@link TsvCorpusReader} and the command line's
 * standard input: a byte sequence that is not UTF-8 is a {@link DataFileException} naming the file
 * and line, never a silent replacement character.
 */
public final class Utf8Lines {

    private Utf8Lines() {}

    /**
     * Reads every line of a stream; line ends are {@code \n} or {@code \r\n}, and a byte-order mark
     * on the first line is dropped.
     *
     * @param in the stream, read to its end (not closed)
     * @param name what to call the stream in messages, e.g. {@code standard input}
     * @return the lines without their ends
     * @throws DataFileException naming {@code name} and the 1-based line if a line is not UTF-8
     * @throws IOException if the stream cannot be read
     */
    public static List<String> read(InputStream in, Path name) throws IOException {
        CharsetDecoder utf8 = strictDecoder();
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        int b;
        while (true) {
            b = in.read();
            if (b != '\n' && b != -1) {
                bytes.write(b);
                continue;
            }
            if (b == -1 && bytes.size() == 0) {
                break;
            }
            String line = decode(utf8, bytes.toByteArray(), name, lines.size() + 1);
            bytes.reset();
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            if (b == -1) {
                break;
            }
        }
        return lines;
    }

    /**
     * Returns a UTF-8 decoder that reports malformed input instead of replacing it.
     *
     * @return a new decoder
     */
    static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Decodes one line.
     *
     * @param utf8 a decoder from {@link #strictDecoder()}
     * @param line the line's bytes
     * @param file the file, for the message
     * @param lineNumber the 1-based line number, for the message
     * @return the text
     * @throws DataFileException naming file and line if the bytes are not UTF-8
     */
    static String decode(CharsetDecoder utf8, byte[] line, Path file, int lineNumber) {
        try {
            return utf8.decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, lineNumber, "invalid UTF-8 (" + e + ")", e);
        }
    }
}
