package dev.seq2seq.cli;

import ai.djl.util.Preconditions;

import com.google.gson.JsonParseException;

import dev.seq2seq.Library;
import dev.seq2seq.data.FileHash;
import dev.seq2seq.store.Checkpoint;
import dev.seq2seq.store.Json;
import dev.seq2seq.store.Provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The trained models of {@code build/models/}, packed into one zip file to hand to a class, and
 * unpacked on another machine. The zip holds {@value #MANIFEST} (the library version, and each
 * model's corpus, its SHA-256 and when it trained, from its provenance), then each model's folder
 * as it is. Unpacking refuses a pack made by another library version, or whose models were trained
 * on a corpus other than the one in this clone's {@code datasets/}, before it writes anything.
 */
final class ModelPack {

    /** The manifest's name inside the zip. */
    static final String MANIFEST = "pack.json";

    /**
     * The manifest.
     *
     * @param library the library version that packed it
     * @param models the models, by folder name
     */
    record Manifest(String library, Map<String, Model> models) {}

    /**
     * One packed model.
     *
     * @param corpus the corpus file's name, e.g. {@code eng-fra.tsv}
     * @param dataSha256 the corpus's SHA-256
     * @param trained when it trained, from its provenance
     * @param summary what was trained, from its provenance
     */
    record Model(String corpus, String dataSha256, String trained, String summary) {}

    private ModelPack() {}

    /**
     * Packs every complete model folder (one with a provenance file) of {@code models}.
     *
     * @param models the models' folder, e.g. {@code build/models}
     * @param zip the zip file to write
     * @return the manifest written
     * @throws IllegalArgumentException if there is no model to pack
     * @throws UncheckedIOException if a file cannot be read or written
     */
    static Manifest pack(Path models, Path zip) {
        Map<String, Model> packed = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> children = Files.list(models)) {
            for (Path folder : children.sorted().toList()) {
                Path provenance = folder.resolve(Checkpoint.PROVENANCE);
                if (Files.isDirectory(folder)
                        && !folder.getFileName().toString().startsWith(".")
                        && Files.isRegularFile(provenance)) {
                    Provenance p =
                            Provenance.fromJson(
                                    Files.readString(provenance, StandardCharsets.UTF_8));
                    packed.put(
                            folder.getFileName().toString(),
                            new Model(
                                    Path.of(p.dataFile()).getFileName().toString(),
                                    p.dataSha256(),
                                    p.created(),
                                    p.trainingSummary()));
                    folders.add(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + models + ": " + e.getMessage(), e);
        }
        Preconditions.checkArgument(
                !packed.isEmpty(),
                models + " holds no trained model (a folder with " + Checkpoint.PROVENANCE + ")");
        Manifest manifest = new Manifest(Library.VERSION, packed);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(MANIFEST));
            out.write(Json.GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Path folder : folders) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = models.relativize(file).toString().replace('\\', '/');
                        out.putNextEntry(new ZipEntry(name));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
        }
        return manifest;
    }

    /**
     * Unpacks a pack into {@code models}, after checking that this library and this clone's corpora
     * are those the pack was made with.
     *
     * @param zip the pack
     * @param models the models' folder to unpack into, e.g. {@code build/models}
     * @param datasets the folder of this clone's corpora, e.g. {@code datasets}
     * @param replace whether a model folder that already exists may be replaced
     * @return the manifest of what was unpacked
     * @throws IllegalArgumentException naming the problem, before anything is written: not a pack,
     *     another library version, a corpus missing or different here (expected and actual
     *     SHA-256), an existing folder without {@code replace}, or an entry outside its folder
     * @throws UncheckedIOException if a file cannot be read or written
     */
    static Manifest unpack(Path zip, Path models, Path datasets, boolean replace) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(MANIFEST);
            Preconditions.checkArgument(
                    entry != null, zip + " is not a model pack: it has no " + MANIFEST);
            Manifest manifest;
            try (InputStream in = file.getInputStream(entry)) {
                manifest =
                        Json.GSON.fromJson(
                                new String(in.readAllBytes(), StandardCharsets.UTF_8),
                                Manifest.class);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException(
                        zip + ": " + MANIFEST + " is not valid JSON: " + e.getMessage(), e);
            }
            check(zip, manifest, models, datasets, replace);
            for (ZipEntry e : file.stream().toList()) {
                if (e.isDirectory() || e.getName().equals(MANIFEST)) {
                    continue;
                }
                Path target = models.resolve(e.getName()).normalize();
                String model = models.relativize(target).getName(0).toString();
                if (!target.startsWith(models.normalize())
                        || !manifest.models().containsKey(model)) {
                    throw new IllegalArgumentException(
                            zip + ": the entry " + e.getName() + " is outside its model's folder");
                }
            }
            for (String model : manifest.models().keySet()) {
                deleteTree(models.resolve(model));
            }
            for (ZipEntry e : file.stream().toList()) {
                if (e.isDirectory() || e.getName().equals(MANIFEST)) {
                    continue;
                }
                Path target = models.resolve(e.getName()).normalize();
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(e);
                        OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                }
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + ": " + e.getMessage(), e);
        }
    }

    private static void check(
            Path zip, Manifest manifest, Path models, Path datasets, boolean replace)
            throws IOException {
        Preconditions.checkArgument(
                manifest != null && manifest.library() != null && manifest.models() != null,
                zip + ": " + MANIFEST + " lacks library or models");
        Preconditions.checkArgument(
                manifest.library().equals(Library.VERSION),
                String.format(
                        "%s was packed by library version %s, this is %s: train the models"
                                + " again here, or check out the version that packed them",
                        zip, manifest.library(), Library.VERSION));
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, Model> e : manifest.models().entrySet()) {
            Model m = e.getValue();
            Path corpus = datasets.resolve(m.corpus());
            Preconditions.checkArgument(
                    Files.isRegularFile(corpus),
                    String.format(
                            "%s: model %s was trained on %s, which is not in %s",
                            zip, e.getKey(), m.corpus(), datasets));
            String sha = hashes.computeIfAbsent(m.corpus(), c -> FileHash.sha256(corpus));
            if (!sha.equals(m.dataSha256())) {
                throw new IllegalArgumentException(
                        String.format(
                                "%s: model %s was trained on %s with SHA-256 %s, but %s here has"
                                        + " SHA-256 %s: the corpus differs, so its scores would"
                                        + " not be comparable",
                                zip, e.getKey(), m.corpus(), m.dataSha256(), corpus, sha));
            }
            if (!replace && Files.exists(models.resolve(e.getKey()))) {
                throw new IllegalArgumentException(
                        String.format(
                                "%s already exists: add --replace to replace it with the packed"
                                        + " model",
                                models.resolve(e.getKey())));
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
