package dev.seq2seq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.Library;
import dev.seq2seq.data.FileHash;
import dev.seq2seq.data.Language;
import dev.seq2seq.data.Units;
import dev.seq2seq.store.Json;
import dev.seq2seq.store.Provenance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

class ModelPackTest {

    @TempDir Path dir;
    private Path datasets;
    private Path models;

    @BeforeEach
    void aTrainedModelFolder() throws IOException {
        datasets = Files.createDirectories(dir.resolve("datasets"));
        Path corpus = Files.writeString(datasets.resolve("eng-fra.tsv"), "Hi.\tSalut.\n");
        models = Files.createDirectories(dir.resolve("teacher/build/models"));
        writeModel(
                models.resolve("bahdanau-full"),
                "../datasets/eng-fra.tsv",
                FileHash.sha256(corpus));
        Files.createDirectories(models.resolve("not-a-model")); // no provenance: not packed
    }

    private static void writeModel(Path folder, String dataFile, String sha) throws IOException {
        Files.createDirectories(folder);
        Provenance p =
                new Provenance(
                        dataFile,
                        sha,
                        Language.ENGLISH,
                        Language.FRENCH,
                        1,
                        "5 epochs",
                        "0.36.0",
                        "PyTorch 2.7.1",
                        "17",
                        "2026-12-07T10:00:00Z",
                        Units.WORDS);
        Files.writeString(folder.resolve("provenance.json"), p.toJson());
        Files.writeString(folder.resolve("model.params"), "parameters");
        Files.writeString(folder.resolve("history.csv"), "epoch\n");
    }

    @Test
    void aPackUnpacksIntoAnotherCloneWithEveryFile() throws IOException {
        Path zip = dir.resolve("class.zip");
        ModelPack.Manifest packed = ModelPack.pack(models, zip);
        assertEquals(Library.VERSION, packed.library());
        assertEquals(java.util.Set.of("bahdanau-full"), packed.models().keySet());
        Path student = dir.resolve("student/build/models");
        ModelPack.unpack(zip, student, datasets, false);
        for (String file : new String[] {"provenance.json", "model.params", "history.csv"}) {
            assertEquals(
                    Files.readString(models.resolve("bahdanau-full").resolve(file)),
                    Files.readString(student.resolve("bahdanau-full").resolve(file)));
        }
        IllegalArgumentException exists =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ModelPack.unpack(zip, student, datasets, false));
        assertTrue(exists.getMessage().contains("--replace"), exists.getMessage());
        ModelPack.unpack(zip, student, datasets, true);
    }

    @Test
    void aPackOfAnotherCorpusIsRefusedBeforeWritingAnything() throws IOException {
        Path zip = dir.resolve("class.zip");
        ModelPack.pack(models, zip);
        Files.writeString(datasets.resolve("eng-fra.tsv"), "Hi.\tBonjour.\n"); // another corpus
        Path student = dir.resolve("student/build/models");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ModelPack.unpack(zip, student, datasets, false));
        assertTrue(e.getMessage().contains("the corpus differs"), e.getMessage());
        assertTrue(e.getMessage().contains(FileHash.sha256(datasets.resolve("eng-fra.tsv"))));
        assertFalse(Files.exists(student.resolve("bahdanau-full")));
        Files.delete(datasets.resolve("eng-fra.tsv"));
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ModelPack.unpack(zip, student, datasets, false));
        assertTrue(missing.getMessage().contains("which is not in"), missing.getMessage());
    }

    @Test
    void aPackOfAnotherLibraryVersionOrWithAnEscapingEntryIsRefused() throws IOException {
        Path old = dir.resolve("old.zip");
        writeZip(old, new ModelPack.Manifest("0.0.1", Map.of()), "x/model.params");
        Path student = dir.resolve("student/build/models");
        IllegalArgumentException version =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ModelPack.unpack(old, student, datasets, false));
        assertTrue(
                version.getMessage().contains("library version 0.0.1, this is " + Library.VERSION));
        Path evil = dir.resolve("evil.zip");
        ModelPack.Manifest manifest =
                new ModelPack.Manifest(
                        Library.VERSION,
                        Map.of(
                                "m",
                                new ModelPack.Model(
                                        "eng-fra.tsv",
                                        FileHash.sha256(datasets.resolve("eng-fra.tsv")),
                                        "t",
                                        "s")));
        writeZip(evil, manifest, "m/../../escaped.txt");
        IllegalArgumentException escape =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ModelPack.unpack(evil, student, datasets, false));
        assertTrue(escape.getMessage().contains("outside its model's folder"), escape.getMessage());
        assertFalse(Files.exists(dir.resolve("student/escaped.txt")));
        Path notAPack = Files.writeString(dir.resolve("plain.zip"), "");
        writeZip(notAPack, null, "a.txt");
        assertThrows(
                IllegalArgumentException.class,
                () -> ModelPack.unpack(notAPack, student, datasets, false));
    }

    private static void writeZip(Path zip, ModelPack.Manifest manifest, String entry)
            throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            if (manifest != null) {
                out.putNextEntry(new ZipEntry(ModelPack.MANIFEST));
                out.write(Json.GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(entry));
            out.write(1);
            out.closeEntry();
        }
    }
}
