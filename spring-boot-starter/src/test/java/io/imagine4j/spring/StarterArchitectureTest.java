package io.imagine4j.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What the starter may lean on: ports and factories, never an adapter's insides. */
class StarterArchitectureTest {

    private static JavaClasses starter;

    @BeforeAll
    static void importStarter() {
        starter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.imagine4j.spring");
    }

    @Test
    void no_adapters_wire_types_feign_or_jackson() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.imagine4j.xai.wire..", "io.imagine4j.openai.wire..",
                "io.imagine4j.oxen.wire..", "io.imagine4j.store.jdbc.wire..", "feign..", "com.fasterxml.jackson..")
                .check(starter);
    }

    @Test
    void micrometer_appears_only_where_the_auto_configuration_binds_the_applications_registries() {
        noClasses().that().resideOutsideOfPackage("io.imagine4j.spring.autoconfigure..").should().dependOnClassesThat()
                .resideInAnyPackage("io.micrometer..").check(starter);
    }

    @Test
    void only_the_auto_configuration_knows_the_provider_factories_and_the_store() {
        noClasses().that().resideOutsideOfPackage("io.imagine4j.spring.autoconfigure..").should().dependOnClassesThat()
                .resideInAnyPackage("io.imagine4j.xai..", "io.imagine4j.openai..", "io.imagine4j.oxen..",
                        "io.imagine4j.store.jdbc..").check(starter);
    }
}
