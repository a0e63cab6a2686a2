package dev.seq2seq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This library's own version, as the build wrote it into the jar. */
public final class Library {

    /** The version of the library, e.g. {@code 0.1.0-SNAPSHOT} (the parent pom's). */
    public static final String VERSION = readVersion();

    private Library() {}

    private static String readVersion() {
        try (InputStream in = Library.class.getResourceAsStream("library.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "dev/seq2seq/library.properties is missing from the jar: rebuild it");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library's version", e);
        }
    }
}
