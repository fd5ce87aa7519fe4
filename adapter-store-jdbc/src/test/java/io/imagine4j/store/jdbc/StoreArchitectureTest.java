package io.imagine4j.store.jdbc;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The store is an adapter like the others: on the core's port, its libraries and stored shapes kept inside. */
class StoreArchitectureTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.imagine4j.store.jdbc");

    private static final DescribedPredicate<JavaClass> LIBRARY_OR_WIRE = DescribedPredicate.describe(
            "a Jackson, Flyway, HikariCP, SQLite driver or wire type", type -> type.getPackageName().startsWith("com.fasterxml")
                    || type.getPackageName().startsWith("org.flywaydb") || type.getPackageName().startsWith("com.zaxxer")
                    || type.getPackageName().startsWith("org.sqlite") || type.getPackageName().contains(".wire"));

    @Test
    void the_public_api_shows_no_library_or_wire_type() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("io.imagine4j.store.jdbc").and().arePublic()
                .should().notHaveRawReturnType(LIBRARY_OR_WIRE).check(STORE);
        classes().that().resideInAPackage("io.imagine4j.store.jdbc").and().arePublic()
                .should().haveSimpleName("JdbcJobStore").check(STORE);
    }

    @Test
    void the_stored_shapes_stay_inside_the_store() {
        classes().that().resideInAPackage("io.imagine4j.store.jdbc.wire..").should().onlyBeAccessed().byClassesThat()
                .resideInAPackage("io.imagine4j.store.jdbc..").check(STORE);
    }

    @Test
    void the_store_builds_on_the_core_port_not_on_the_service() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.imagine4j.core.service..",
                "io.imagine4j.core.store..", "io.imagine4j.http..", "io.imagine4j.xai..").check(STORE);
    }
}
