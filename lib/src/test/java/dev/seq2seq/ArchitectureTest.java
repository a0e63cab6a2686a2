package dev.seq2seq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

/**
 * The library's package layering, checked on its compiled classes with ArchUnit: data flows one
 * way, from text to tensors to models, training and decoding, evaluation, charts and the server,
 * and no package reaches back up that chain.
 */
class ArchitectureTest {

    /**
     * The packages in the order data flows through them; each may use only packages before it (and
     * the root package, {@code dev.seq2seq}, of shape and argument checks).
     */
    static final List<String> CHAIN =
            List.of(
                    "data",
                    "attention",
                    "nn",
                    "nn.transformer",
                    "model",
                    "loss",
                    "train",
                    "decode",
                    "store",
                    "eval",
                    "results",
                    "serve",
                    "perf",
                    "viz",
                    "exercises",
                    "cli");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.seq2seq");
    }

    @Test
    void everyPackageIsInTheChain() {
        List<String> missing =
                classes.stream()
                        .map(c -> c.getPackageName())
                        .filter(p -> !p.equals("dev.seq2seq"))
                        .map(p -> p.substring("dev.seq2seq.".length()))
                        .distinct()
                        .filter(p -> !CHAIN.contains(p))
                        .toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("packages not placed in ArchitectureTest.CHAIN: " + missing);
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.seq2seq.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageReachesBackUpTheChain() {
        LayeredArchitecture layers =
                layeredArchitecture()
                        .consideringOnlyDependenciesInLayers()
                        .layer("root")
                        .definedBy("dev.seq2seq");
        for (String name : CHAIN) {
            layers = layers.layer(name).definedBy("dev.seq2seq." + name);
        }
        for (int i = 0; i < CHAIN.size(); i++) {
            String[] before = concat("root", CHAIN.subList(0, i).toArray(String[]::new));
            layers = layers.whereLayer(CHAIN.get(i)).mayOnlyAccessLayers(before);
        }
        layers.whereLayer("root").mayNotAccessAnyLayer().check(classes);
    }

    @Test
    void evaluationDoesNotDependOnTraining() {
        noClasses()
                .that()
                .resideInAPackage("dev.seq2seq.eval")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.seq2seq.train")
                .check(classes);
    }

    @Test
    void networksAndTrainingHoldNoMeasurementOrPersistence() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.seq2seq.nn..", "dev.seq2seq.model", "dev.seq2seq.train")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.seq2seq.perf", "dev.seq2seq.store", "com.google.gson..")
                .check(classes);
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = Arrays.copyOf(new String[] {first}, rest.length + 1);
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
