package dev.seq2seq.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader, or a process killed at any moment, sees the old content or the
 * new, never half of it: the text goes to a temporary file beside the target ({@code
 * .NAME.tmp-PID}), is forced to disk, and replaces the target by an atomic rename (a plain
 * replacing move where the file system has no atomic one). Folders of several files use {@code
 * AtomicFolder}.
 */
public final class AtomicFile {

    private AtomicFile() {}

    /**
     * Replaces a file's content with text, creating missing parent folders.
     *
     * @param target the file
     * @param text the new content, written as UTF-8
     * @throws UncheckedIOException naming the file if it cannot be written; the old content is then
     *     left as it was
     */
    public static void writeString(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path temporary =
                absolute.resolveSibling(
                        "." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(absolute.getParent());
            try (FileChannel channel =
                    FileChannel.open(
                            temporary,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(
                        temporary,
                        absolute,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the write failed already; report that
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
