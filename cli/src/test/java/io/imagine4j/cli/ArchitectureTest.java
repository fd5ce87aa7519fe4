package io.imagine4j.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules between modules, checked here because the command line is the one module that sees
 * them all. The core's own rules live in the core.
 */
class ArchitectureTest {

    private static final String CORE = "io.imagine4j.core..";
    private static final String HTTP = "io.imagine4j.http..";
    private static final String XAI = "io.imagine4j.xai..";
    private static final String TESTKIT = "io.imagine4j.testkit..";
    private static final String CLI = "io.imagine4j.cli..";
    private static final String OPENAI = "io.imagine4j.openai..";
    private static final String OXEN = "io.imagine4j.oxen..";
    private static final String MICROMETER = "io.imagine4j.micrometer..";
    private static final String[] PROVIDER_ADAPTERS = {XAI, OPENAI, OXEN};

    private static JavaClasses all;

    @BeforeAll
    static void importEverything() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.imagine4j");
    }

    @Test
    void the_import_sees_every_module() {
        assertThatPackagesArePresent(CORE, HTTP, XAI, OPENAI, OXEN, TESTKIT, CLI, MICROMETER);
    }

    @Test
    void provider_adapters_never_import_each_other() {
        for (String adapter : PROVIDER_ADAPTERS) {
            java.util.List<String> others = new java.util.ArrayList<>(java.util.List.of(PROVIDER_ADAPTERS));
            others.remove(adapter);
            noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat()
                    .resideInAnyPackage(others.toArray(String[]::new)).allowEmptyShould(true).check(all);
        }
    }

    @Test
    void the_shared_http_kit_knows_no_provider_adapter() {
        noClasses().that().resideInAPackage(HTTP).should().dependOnClassesThat().resideInAnyPackage(PROVIDER_ADAPTERS)
                .check(all);
    }

    @Test
    void the_testkit_speaks_the_wire_itself_and_never_borrows_an_adapter() {
        noClasses().that().resideInAPackage(TESTKIT).should().dependOnClassesThat()
                .resideInAnyPackage(HTTP, XAI, "io.imagine4j.openai..", "io.imagine4j.oxen..", CLI).check(all);
    }

    @Test
    void only_the_command_line_sees_more_than_one_adapter() {
        noClasses().that().resideOutsideOfPackage(CLI).should().dependOnClassesThat().resideInAPackage(CLI).check(all);
    }

    @Test
    void feign_jackson_and_micrometer_never_reach_the_core() {
        noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("feign..", "com.fasterxml.jackson..", "io.micrometer..", "org.slf4j..").check(all);
    }

    /** An application without imagine4j-micrometer has no Micrometer on its class path, so nothing else may need it. */
    @Test
    void only_the_metrics_module_knows_micrometer() {
        noClasses().that().resideOutsideOfPackage(MICROMETER).should().dependOnClassesThat()
                .resideInAnyPackage("io.micrometer..", "feign.micrometer..").check(all);
    }

    /**
     * What an application calls on a provider adapter names no Feign, Jackson or wire type: not as
     * a return type, a parameter or a type argument ({@code List<XaiApi>}). Feign reaches the xAI
     * builder only behind adapter-http's {@code HttpClientCapability}.
     */
    @Test
    void the_public_api_of_provider_adapters_shows_no_feign_jackson_or_wire_type() {
        for (String adapter : PROVIDER_ADAPTERS) {
            String root = adapter.replace("..", "");
            codeUnits().that().areDeclaredInClassesThat().resideInAPackage(root).and().arePublic()
                    .and().areDeclaredInClassesThat().arePublic()
                    .should(new com.tngtech.archunit.lang.ArchCondition<JavaCodeUnit>("show no Feign, Jackson or wire type") {
                        @Override
                        public void check(JavaCodeUnit unit, com.tngtech.archunit.lang.ConditionEvents events) {
                            if (!reachable(unit.getOwner())) {
                                return; // a public member of a nested type in a package-private type is not API
                            }
                            java.util.List<com.tngtech.archunit.core.domain.JavaType> shown = new java.util.ArrayList<>(unit.getParameterTypes());
                            shown.add(unit.getReturnType());
                            shown.stream().flatMap(type -> type.getAllInvolvedRawTypes().stream())
                                    .filter(type -> type.getPackageName().startsWith("feign") || type.getPackageName().startsWith("com.fasterxml")
                                            || type.getPackageName().contains(".wire"))
                                    .distinct()
                                    .forEach(type -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(unit,
                                            unit.getFullName() + " shows " + type.getName())));
                        }
                    })
                    .allowEmptyShould(true).check(all);
        }
    }

    /** Whether {@code type} and every type enclosing it are public: only then can an application reach it. */
    private static boolean reachable(com.tngtech.archunit.core.domain.JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC)
                && type.getEnclosingClass().map(ArchitectureTest::reachable).orElse(true);
    }

    /**
     * A provider's wire DTOs are its private business: no class outside the adapter (another
     * adapter, the HTTP kit, the command line, the metrics module) depends on them. Each adapter
     * that lands is covered by its package in {@link #PROVIDER_ADAPTERS}.
     */
    @Test
    void wire_packages_are_used_only_inside_their_adapter() {
        for (String adapter : PROVIDER_ADAPTERS) {
            String wire = adapter.replace("..", ".wire..");
            noClasses().that().resideOutsideOfPackage(adapter).should().dependOnClassesThat().resideInAPackage(wire)
                    .allowEmptyShould(true).check(all);
        }
    }

    @Test
    void the_wire_rule_covers_the_xai_wire_package() {
        org.assertj.core.api.Assertions.assertThat(all.stream().anyMatch(c -> c.getPackageName().equals("io.imagine4j.xai.wire")))
                .as("the xAI wire package is imported, so the rule above has something to check").isTrue();
    }

    @Test
    void adapters_build_on_the_core_ports_not_on_the_service() {
        noClasses().that().resideInAnyPackage(HTTP, XAI, OPENAI, OXEN).should().dependOnClassesThat()
                .resideInAnyPackage("io.imagine4j.core.service..", "io.imagine4j.core.store..").check(all);
    }

    /** Adapters' providers are final; the core's abstract forwarding base exists to be extended by decorators. */
    @Test
    void provider_implementations_are_final() {
        classes().that().implement(io.imagine4j.core.port.out.VideoProvider.class).and().resideOutsideOfPackage(TESTKIT)
                .and().doNotHaveModifier(JavaModifier.ABSTRACT)
                .should().haveModifier(JavaModifier.FINAL).check(all);
    }

    private static void assertThatPackagesArePresent(String... packages) {
        for (String name : packages) {
            String prefix = name.replace("..", "");
            org.assertj.core.api.Assertions.assertThat(all.stream().anyMatch(c -> c.getPackageName().startsWith(prefix)))
                    .as("classes of %s are imported", prefix).isTrue();
        }
    }
}
