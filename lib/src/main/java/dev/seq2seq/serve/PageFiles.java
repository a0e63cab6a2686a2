package dev.seq2seq.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's three files (index.html, app.js, style.css), read once from this jar and served by
 * explicit routes. Only these files are served: nothing else on the class path is reachable, and no
 * static-file handler resolves the jar's location (Jetty's warns when that location is not a
 * normalised path, e.g. a notebook's {@code %jars ../lib/target/seq2seq-all.jar}).
 */
final class PageFiles {

    /** One file: its content type and bytes. */
    record PageFile(String contentType, byte[] bytes) {}

    private static final String FOLDER = "/dev/seq2seq/serve/web/";

    private PageFiles() {}

    /**
     * Reads the files.
     *
     * @return the files by request path ({@code /} is index.html)
     * @throws IllegalStateException if a file is missing from the jar (a broken build)
     */
    static Map<String, PageFile> read() {
        Map<String, PageFile> files = new LinkedHashMap<>();
        PageFile index = file("index.html", "text/html; charset=utf-8");
        files.put("/", index);
        files.put("/index.html", index);
        files.put("/app.js", file("app.js", "text/javascript; charset=utf-8"));
        files.put("/style.css", file("style.css", "text/css; charset=utf-8"));
        return Map.copyOf(files);
    }

    private static PageFile file(String name, String contentType) {
        try (InputStream in = PageFiles.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + FOLDER + name);
            }
            return new PageFile(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + name + " from the jar", e);
        }
    }
}
