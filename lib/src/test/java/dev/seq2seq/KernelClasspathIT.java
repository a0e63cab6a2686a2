package dev.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The library's all-dependencies jar works whichever copies of common libraries a notebook kernel
 * puts first on the classpath. IJava 1.3.0 bundles Gson 2.8.5 inside its own jar, and Gson 2.8.5
 * cannot build Java records: the checkpoint's {@code config.json} then failed to load in notebooks
 * 03-07. Each test builds a class loader the way such a kernel does, with Gson 2.8.5 first.
 *
 * <p>Runs after {@code package} (Maven failsafe), against {@code lib/target/seq2seq-all.jar}.
 */
class KernelClasspathIT {

    private static final String CONFIG = "dev.seq2seq.nn.Seq2SeqConfig";
    private static final String CONFIG_JSON = "dev.seq2seq.store.ConfigJson";

    private static final String PROVENANCE = "dev.seq2seq.store.Provenance";

    private static Path bundledJar() {
        return Path.of(System.getProperty("seq2seq.jar", "target/seq2seq-all.jar"));
    }

    private static Path kernelGson() {
        return Path.of(System.getProperty("seq2seq.kernelJars", "target/kernel-jars"))
                .resolve("gson-2.8.5.jar");
    }

    /** A class loader with the kernel's Gson 2.8.5 first, then the given classpath in order. */
    private static URLClassLoader kernelLoader(Path... classpath) throws IOException {
        URL[] urls = new URL[classpath.length + 1];
        urls[0] = kernelGson().toUri().toURL();
        assertTrue(Files.isRegularFile(kernelGson()), "missing " + kernelGson());
        for (int i = 0; i < classpath.length; i++) {
            assertTrue(Files.exists(classpath[i]), "missing " + classpath[i]);
            urls[i + 1] = classpath[i].toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    /** Builds a configuration in the loader, writes it as JSON and parses it back. */
    private static void configRoundTrip(ClassLoader loader) throws Exception {
        Class<?> config = loader.loadClass(CONFIG);
        Object builder = config.getMethod("builder").invoke(null);
        builder.getClass()
                .getMethod("setVocabularySizes", int.class, int.class)
                .invoke(builder, 100, 200);
        Object built = builder.getClass().getMethod("build").invoke(builder);
        Class<?> mapping = loader.loadClass(CONFIG_JSON);
        String json = (String) mapping.getMethod("toJson", config).invoke(null, built);
        Object parsed = mapping.getMethod("fromJson", String.class).invoke(null, json);
        assertEquals(built, parsed);
    }

    @Test
    void unrelocatedClassesFailWithTheKernelsGson() throws Exception {
        // The failure the relocation fixes: the library's own classes, not shaded, resolve
        // com.google.gson to the kernel's 2.8.5 copy, which cannot set a record's final fields.
        // (The bundled jar after them supplies DJL; its own Gson lives under another package.)
        try (URLClassLoader loader = kernelLoader(Path.of("target/classes"), bundledJar())) {
            InvocationTargetException e =
                    assertThrows(InvocationTargetException.class, () -> configRoundTrip(loader));
            Class<?> gson = loader.loadClass("com.google.gson.Gson");
            assertTrue(
                    gson.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toString()
                            .endsWith("gson-2.8.5.jar"),
                    "the test loader must take Gson from the kernel's jar");
            assertTrue(
                    causeChain(e).contains("Can not set final"),
                    "expected Gson 2.8.5's record failure, got: " + causeChain(e));
        }
    }

    @Test
    void bundledJarReadsCheckpointJsonWithTheKernelsGsonFirst() throws Exception {
        try (URLClassLoader loader = kernelLoader(bundledJar())) {
            configRoundTrip(loader);
            Class<?> provenance = loader.loadClass(PROVENANCE);
            Class<?> language = loader.loadClass("dev.seq2seq.data.Language");
            Object english = enumConstant(language, "ENGLISH");
            Object french = enumConstant(language, "FRENCH");
            Object p =
                    java.util.Arrays.stream(provenance.getConstructors())
                            .filter(c -> c.getParameterCount() == 11) // the canonical one
                            .findFirst()
                            .orElseThrow()
                            .newInstance(
                                    "datasets/eng-fra.tsv",
                                    "ab12",
                                    english,
                                    french,
                                    7L,
                                    "2 epochs",
                                    "0.35.1",
                                    "PyTorch 2.7.1",
                                    "17",
                                    "2026-11-28T00:00:00Z",
                                    enumConstant(
                                            loader.loadClass("dev.seq2seq.data.Units"), "WORDS"));
            String json = (String) provenance.getMethod("toJson").invoke(p);
            Method fromJson = provenance.getMethod("fromJson", String.class);
            assertEquals(p, fromJson.invoke(null, json));
        }
    }

    @Test
    void bundledJarHoldsNoGsonUnderItsOwnPackage() throws IOException {
        try (ZipFile jar = new ZipFile(bundledJar().toFile())) {
            List<String> original =
                    jar.stream()
                            .map(e -> e.getName())
                            .filter(n -> n.startsWith("com/google/gson/"))
                            .toList();
            assertEquals(List.of(), original, "Gson classes not relocated");
            assertTrue(
                    jar.getEntry("dev/seq2seq/shaded/gson/Gson.class") != null,
                    "the relocated Gson is missing");
        }
    }

    private static Object enumConstant(Class<?> type, String name) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(type + " has no " + name);
    }

    private static String causeChain(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c).append(" <- ");
        }
        return text.toString();
    }
}
