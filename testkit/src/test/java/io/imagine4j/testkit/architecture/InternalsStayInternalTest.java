package io.imagine4j.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The testkit's public API never shows a type of {@code io.imagine4j.testkit.internal}: no public
 * method, constructor or field of a public class outside {@code ..internal..} takes or returns one,
 * not even as a type argument ({@code List<Reply>}), and no such class extends or implements one.
 * Protected members are left out on purpose: they are the hooks a simulator of a new provider
 * overrides, which is work inside the testkit.
 */
class InternalsStayInternalTest {

    private static final String INTERNAL = ".internal.";

    private static JavaClasses testkit;

    @BeforeAll
    static void importTheTestkit() {
        testkit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.imagine4j.testkit");
    }

    @Test
    void the_public_api_shows_no_internal_type() {
        ArchRule rule = classes().that().resideOutsideOfPackage("..internal..")
                .should(showNoInternalTypeInTheirPublicMembers());
        rule.check(testkit);
    }

    @Test
    void the_rule_sees_a_leak_when_there_is_one() {
        // A fixture outside the testkit's packages, so the real check above stays clean.
        JavaClasses leaking = new ClassFileImporter().importClasses(LeakingFixture.class,
                io.imagine4j.testkit.internal.sim.Reply.class);
        List<String> found = new ArrayList<>();
        classes().that().haveSimpleName("LeakingFixture").should(showNoInternalTypeInTheirPublicMembers())
                .evaluate(leaking).getFailureReport().getDetails().forEach(found::add);
        assertThat(found).anySatisfy(line -> assertThat(line).contains("reply()"))
                .anySatisfy(line -> assertThat(line).contains("replies()"));
    }

    @Test
    void the_internal_packages_exist_and_hold_the_plumbing() {
        assertThat(testkit.stream().map(JavaClass::getPackageName))
                .contains("io.imagine4j.testkit.internal.json", "io.imagine4j.testkit.internal.sim");
    }

    private static ArchCondition<JavaClass> showNoInternalTypeInTheirPublicMembers() {
        return new ArchCondition<>("show no type of ..internal.. in their public members") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!isReachable(type)) {
                    return;
                }
                Stream.concat(Stream.of(type.getRawSuperclass().orElse(null)), type.getRawInterfaces().stream())
                        .filter(supertype -> supertype != null && isInternal(supertype))
                        .forEach(supertype -> events.add(SimpleConditionEvent.violated(type,
                                type.getName() + " extends or implements " + supertype.getName())));
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    if (!unit.getModifiers().contains(JavaModifier.PUBLIC) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        continue;
                    }
                    List<JavaType> shown = new ArrayList<>(unit.getParameterTypes());
                    shown.add(unit.getReturnType());
                    shown.stream().flatMap(shownType -> shownType.getAllInvolvedRawTypes().stream()).filter(InternalsStayInternalTest::isInternal)
                            .distinct().forEach(internal -> events.add(SimpleConditionEvent.violated(unit,
                                    unit.getFullName() + " shows " + internal.getName())));
                }
                for (JavaField field : type.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
                        field.getType().getAllInvolvedRawTypes().stream().filter(InternalsStayInternalTest::isInternal)
                                .forEach(internal -> events.add(SimpleConditionEvent.violated(field,
                                        field.getFullName() + " shows " + internal.getName())));
                    }
                }
            }
        };
    }

    /** Public, and nested only in public classes: a user can name it. */
    private static boolean isReachable(JavaClass type) {
        for (JavaClass current = type; current != null; current = current.getEnclosingClass().orElse(null)) {
            if (!current.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInternal(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        return (base.getPackageName() + ".").contains(INTERNAL) && base.getPackageName().startsWith("io.imagine4j.testkit");
    }
}
