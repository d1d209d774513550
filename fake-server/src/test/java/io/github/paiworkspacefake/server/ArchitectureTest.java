package io.github.paiworkspacefake.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure, enforced: the public API in {@code io.github.paiworkspacefake.server}, the internals under
 * {@code .internal} (domain and store, HTTP layer, signatures), the standalone jar's entry points under
 * {@code .standalone}. A change that breaks one of these rules fails the build instead of a review.
 */
class ArchitectureTest {

    private static final String BASE = "io.github.paiworkspacefake.server";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void theInternalPackagesHaveNoCycles() {
        slices().matching(BASE + ".internal.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainKnowsNothingOfTheWebServerTheHttpLayerOrSignatures() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".internal.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.javalin..",
                        "org.eclipse.jetty..",
                        "jakarta.servlet..",
                        BASE + ".internal.http..",
                        BASE + ".internal.signature..",
                        BASE + ".standalone..")
                .check(CLASSES);
    }

    @Test
    void signaturesKnowNothingOfTheWebServerOrTheHttpLayer() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".internal.signature..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.javalin..",
                        "org.eclipse.jetty..",
                        "jakarta.servlet..",
                        BASE + ".internal.http..",
                        BASE + ".standalone..")
                .check(CLASSES);
    }

    @Test
    void noInternalClassUsesTheFacadeOrTheStandaloneJar() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".internal..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(PaiWorkspaceFake.class, PaiWorkspaceFake.Builder.class)
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage(BASE + ".internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".standalone..")
                .check(CLASSES);
    }

    @Test
    void theStandaloneJarUsesOnlyThePublicApi() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".standalone..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".internal..")
                .check(CLASSES);
    }

    @Test
    void publicValueTypesDependOnNoInternals() {
        noClasses()
                .that()
                .resideInAPackage(BASE)
                .and()
                .doNotBelongToAnyOf(
                        PaiWorkspaceFake.class,
                        PaiWorkspaceFake.Builder.class,
                        Faults.class,
                        Models.class,
                        Datasets.class,
                        Experiments.class,
                        Images.class)
                .and()
                .haveNameNotMatching(".*PaiWorkspaceFake\\$.*")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".internal..")
                .check(CLASSES);
    }
}
