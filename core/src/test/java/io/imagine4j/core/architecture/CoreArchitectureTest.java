package io.imagine4j.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The core stays a pure domain: the JDK and Vavr, and its layers point inwards only. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.imagine4j.core");
    }

    @Test
    void core_depends_on_the_jdk_and_vavr_only() {
        ArchRule rule = classes().that().resideInAPackage("io.imagine4j.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.imagine4j.core..", "java..", "io.vavr..");
        rule.check(core);
    }

    @Test
    void the_domain_never_sees_ports_or_the_service() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.imagine4j.core.model..", "io.imagine4j.core.job..")
                .should().dependOnClassesThat().resideInAnyPackage("io.imagine4j.core.port..",
                        "io.imagine4j.core.service..", "io.imagine4j.core.store..", "io.imagine4j.core.time..");
        rule.check(core);
    }

    @Test
    void requests_and_capabilities_do_not_know_about_jobs() {
        noClasses().that().resideInAPackage("io.imagine4j.core.model..")
                .should().dependOnClassesThat().resideInAPackage("io.imagine4j.core.job..")
                .check(core);
    }

    @Test
    void ports_never_see_the_service_or_its_implementations() {
        noClasses().that().resideInAPackage("io.imagine4j.core.port..")
                .should().dependOnClassesThat().resideInAnyPackage("io.imagine4j.core.service..",
                        "io.imagine4j.core.store..", "io.imagine4j.core.time..")
                .check(core);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("io.imagine4j.core.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void the_service_implementation_stays_behind_its_ports() {
        classes().that().resideInAPackage("io.imagine4j.core.service..").and().arePublic()
                .should().haveSimpleNameEndingWith("Service").orShould().haveSimpleName("ServiceSettings").orShould().haveSimpleName("Builder")
                .check(core);
    }
}
