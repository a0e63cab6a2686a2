package dev.seq2seq.store;

import ai.djl.util.Preconditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Replaces a folder as a whole, so that a process killed at any moment leaves either the previous
 * complete folder or the new complete one. For a target {@code dir/NAME}:
 *
 * <ol>
 *   <li>every file is written to {@code dir/.NAME.tmp-PID}, then each file and the folder are
 *       forced to disk (fsync);
 *   <li>if {@code dir/NAME} exists, it is renamed to {@code dir/.NAME.old-PID};
 *   <li>{@code dir/.NAME.tmp-PID} is renamed to {@code dir/NAME} and {@code dir} is forced;
 *   <li>{@code dir/.NAME.old-PID} is deleted.
 * </ol>
 *
 * <p>The crash windows: killed during 1, the target is untouched and a temporary folder is left
 * over; killed between 2 and 3, the target is absent and the previous folder waits under its aside
 * name; killed between 3 and 4, the target is the new folder and the aside folder is left over.
 * {@link #recover} repairs each case: it renames the aside folder of a dead process back when the
 * target is absent, and deletes the leftovers of dead processes. Loading and saving call it first.
 * Renames within one folder are atomic on POSIX file systems.
 */
final class AtomicFolder {

    /** Where a save is: for tests that kill a process at a given moment. */
    enum Stage {
        /** Part of the files are in the temporary folder. */
        PARTLY_WRITTEN,
        /** The old folder is aside, the new one not yet in place. */
        OLD_MOVED_ASIDE,
        /** The new folder is in place, the old one not yet deleted. */
        NEW_MOVED_IN
    }

    /** Called at each {@link Stage}; tests set it to block or fail there. */
    interface Hook {
        void reached(Stage stage) throws IOException;
    }

    /** Writes the files of the folder into the given (temporary) folder. */
    interface Writer {
        void write(Path folder, Hook hook) throws IOException;
    }

    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";

    /** The test hook; does nothing by default. */
    static volatile Hook hook = stage -> {};

    private AtomicFolder() {}

    /**
     * Writes {@code target} as a whole, replacing any previous folder of that name.
     *
     * @param target the folder
     * @param writer writes the files into the folder it is given
     * @throws UncheckedIOException naming the target if a file cannot be written; the previous
     *     folder is then left as it was and the temporary folder is removed
     */
    static void replace(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        long pid = ProcessHandle.current().pid();
        Path tmp = sibling(absolute, TMP, pid);
        Path old = sibling(absolute, OLD, pid);
        try {
            Files.createDirectories(parent);
            recover(absolute);
            deleteTree(tmp);
            Files.createDirectory(tmp);
            Hook current = hook;
            writer.write(tmp, current);
            syncTree(tmp);
            if (Files.isDirectory(absolute)) {
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
                sync(parent);
                current.reached(Stage.OLD_MOVED_ASIDE);
            } else if (Files.exists(absolute)) {
                throw new FileAlreadyExistsException(
                        absolute.toString(), null, "a file, not a folder");
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            sync(parent);
            current.reached(Stage.NEW_MOVED_IN);
            deleteTree(old);
        } catch (IOException e) {
            try {
                deleteTree(tmp);
            } catch (IOException ignored) {
                // the leftover is removed by the next recover
            }
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /**
     * Repairs what a killed {@link #replace} left beside {@code target}: if the target is absent
     * and a dead process's aside folder exists, renames it back (the previous complete folder);
     * then deletes the temporary and aside folders of dead processes. Folders of live processes (a
     * save in progress) are left alone.
     *
     * @param target the folder
     * @throws IOException if a rename or deletion fails
     */
    static void recover(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> leftovers = leftovers(absolute);
        if (!Files.exists(absolute)) {
            for (Path p : leftovers) {
                if (p.getFileName().toString().contains(OLD) && !alive(p)) {
                    Files.move(p, absolute, StandardCopyOption.ATOMIC_MOVE);
                    sync(parent);
                    break;
                }
            }
        }
        for (Path p : leftovers) {
            if (Files.exists(p) && !alive(p)) {
                deleteTree(p);
            }
        }
    }

    /**
     * Like {@link #recover}, for loaders: a failure is a {@link CheckpointException}.
     *
     * @param target the folder
     */
    static void recoverForLoading(Path target) {
        try {
            recover(target);
        } catch (IOException e) {
            throw new CheckpointException(
                    target, "cannot restore it from an interrupted save: " + describe(e), e);
        }
    }

    /**
     * Returns the leftover folder a save by process {@code pid} would use, for tests.
     *
     * @param target the folder
     * @param aside true for the aside (old) folder, false for the temporary (new) one
     * @param pid the process id
     * @return the path
     */
    static Path leftover(Path target, boolean aside, long pid) {
        return sibling(target.toAbsolutePath().normalize(), aside ? OLD : TMP, pid);
    }

    /**
     * Checks, before a long computation, that {@link #replace} will be able to write {@code
     * target}: creates the parent folder, writes and deletes a probe file in it, and compares its
     * disk's usable space with twice the expected size (the new folder is written while the old one
     * still exists).
     *
     * @param target the folder
     * @param expectedBytes the expected size of the folder's files
     * @throws IllegalArgumentException with a one-line message naming the target if it is a file,
     *     its parent cannot be created or written, or the disk has too little space
     */
    static void checkWritable(Path target, long expectedBytes) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(
                    "cannot write " + target + ": it is a file, not a folder");
        }
        Path parent = absolute.getParent();
        long usable;
        try {
            Files.createDirectories(parent);
            Path probe = sibling(absolute, ".probe-", ProcessHandle.current().pid());
            Files.write(probe, new byte[1]);
            Files.delete(probe);
            usable = Files.getFileStore(parent).getUsableSpace();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + target + ": " + describe(e), e);
        }
        checkSpace(target, usable, expectedBytes);
    }

    /**
     * Fails if {@code usable} bytes are less than twice {@code expectedBytes}.
     *
     * @throws IllegalArgumentException naming the target and both sizes
     */
    static void checkSpace(Path target, long usable, long expectedBytes) {
        Preconditions.checkArgument(
                usable >= 2 * expectedBytes,
                String.format(
                        "cannot write %s: its disk has %,d bytes free, a checkpoint needs"
                                + " about %,d (twice the files' %,d bytes, while the old one"
                                + " is replaced)",
                        target, usable, 2 * expectedBytes, expectedBytes));
    }

    /**
     * Describes an I/O failure in one line: the exception's kind when its message is only a path
     * (e.g. {@code AccessDeniedException: /x}), the message otherwise (e.g. {@code No space left on
     * device}).
     *
     * @param e the failure
     * @return the description
     */
    static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason();
            if (reason == null) {
                reason =
                        switch (e.getClass().getSimpleName()) {
                            case "AccessDeniedException" -> "permission denied";
                            case "NoSuchFileException" -> "no such file or folder";
                            case "FileAlreadyExistsException" -> "already exists";
                            case "NotDirectoryException" -> "not a folder";
                            default -> e.getClass().getSimpleName();
                        };
            }
            return fs.getFile() + ": " + reason;
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    private static Path sibling(Path absolute, String kind, long pid) {
        return absolute.resolveSibling("." + absolute.getFileName() + kind + pid);
    }

    private static List<Path> leftovers(Path absolute) throws IOException {
        String prefix = "." + absolute.getFileName();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(absolute.getParent())) {
            siblings.filter(
                            p -> {
                                String name = p.getFileName().toString();
                                return (name.startsWith(prefix + TMP)
                                                || name.startsWith(prefix + OLD))
                                        && pidOf(name).isPresent();
                            })
                    .sorted()
                    .forEach(found::add);
        }
        return found;
    }

    private static Optional<Long> pidOf(String name) {
        String digits = name.substring(name.lastIndexOf('-') + 1);
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean alive(Path leftover) {
        long pid = pidOf(leftover.getFileName().toString()).orElseThrow();
        return pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void syncTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
            }
        }
        sync(folder);
    }

    /** Forces a folder's entries to disk; a no-op where folders cannot be opened. */
    private static void sync(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open a folder; the renames are still atomic
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
