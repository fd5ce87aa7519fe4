package io.imagine4j.oxen;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The adapter's public API shows no Feign, Jackson, JSON Schema or wire type, and builds on the core's ports only. */
class OxenArchitectureTest {

    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.imagine4j.oxen");

    private static final DescribedPredicate<JavaClass> LIBRARY_OR_WIRE = DescribedPredicate.describe(
            "a Feign, Jackson, JSON Schema or wire type", type -> type.getPackageName().startsWith("feign")
                    || type.getPackageName().startsWith("com.fasterxml") || type.getPackageName().startsWith("tools.jackson")
                    || type.getPackageName().startsWith("com.networknt") || type.getPackageName().contains(".wire"));

    @Test
    void public_methods_of_the_api_return_no_library_or_wire_type() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("io.imagine4j.oxen").and().arePublic()
                .should().notHaveRawReturnType(LIBRARY_OR_WIRE).check(ADAPTER);
    }

    @Test
    void only_the_facade_classes_are_public() {
        classes().that().resideInAPackage("io.imagine4j.oxen").and().arePublic().and().areTopLevelClasses()
                .should().haveSimpleNameStartingWith("Oxen").check(ADAPTER);
    }

    @Test
    void wire_types_stay_in_the_adapter_and_the_adapter_knows_no_service() {
        classes().that().resideInAPackage("io.imagine4j.oxen.wire..").should().onlyBeAccessed().byClassesThat()
                .resideInAPackage("io.imagine4j.oxen..").check(ADAPTER);
        noClasses().that().resideInAPackage("io.imagine4j.oxen..").should().dependOnClassesThat()
                .resideInAnyPackage("io.imagine4j.core.service..", "io.imagine4j.core.store..", "io.imagine4j.xai..",
                        "io.imagine4j.openai..").check(ADAPTER);
    }
}
