package io.imagine4j.cli.readme;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java example of the root README compiles as written, against the modules it shows. (The
 * examples that do something are also run, verbatim but for a simulator standing in for the real
 * service, by the modules' {@code ReadmeExamplesTest}s.)
 */
class ReadmeExamplesCompileTest {

    /** What an example may use without saying so: the library's public packages and the usual JDK and test ones. */
    static final List<String> IMPORTS = List.of(
            "io.imagine4j.core.model.*", "io.imagine4j.core.job.*", "io.imagine4j.core.cost.*",
            "io.imagine4j.core.port.in.*", "io.imagine4j.core.port.out.*", "io.imagine4j.core.service.*",
            "io.imagine4j.core.store.*", "io.imagine4j.core.time.*",
            "io.imagine4j.http.auth.*", "io.imagine4j.xai.*", "io.imagine4j.openai.*", "io.imagine4j.oxen.*",
            "io.imagine4j.store.jdbc.*", "io.imagine4j.micrometer.*",
            "io.imagine4j.testkit.contract.*", "io.imagine4j.testkit.fake.*", "io.imagine4j.testkit.scenario.*",
            "io.imagine4j.testkit.junit.*", "io.imagine4j.testkit.sim.*", "io.imagine4j.testkit.xai.*",
            "io.imagine4j.testkit.openai.*", "io.imagine4j.testkit.oxen.*",
            "io.vavr.control.Either", "io.vavr.control.Option",
            "java.math.BigDecimal", "java.net.URI", "java.nio.file.*", "java.time.*", "java.util.List",
            "java.util.stream.Stream", "javax.sql.DataSource",
            "org.junit.jupiter.api.*", "org.junit.jupiter.api.extension.*",
            "static org.assertj.core.api.Assertions.assertThat");

    @Test
    void every_java_example_compiles() throws IOException {
        Path readme = Path.of(System.getProperty("imagine4j.readme", "../README.md"));
        List<ReadmeSnippet> snippets = ReadmeSnippet.all(Files.readString(readme));
        assertThat(snippets).as("java examples in %s", readme).hasSizeGreaterThanOrEqualTo(8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-classes");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<JavaFileObject> units = snippets.stream().map(ReadmeExamplesCompileTest::unit).collect(Collectors.toList());
            boolean compiled = javac.getTask(null, files, diagnostics,
                    List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none", "--release", "17"),
                    null, units).call();
            String problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> "README example " + line(d) + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertThat(compiled).as("the README's examples compile:\n%s", problems).isTrue();
        }
    }

    private static JavaFileObject unit(ReadmeSnippet snippet) {
        String source = snippet.source(IMPORTS);
        return new SimpleJavaFileObject(URI.create("string:///readme/" + snippet.className() + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
    }

    private static String line(Diagnostic<? extends JavaFileObject> diagnostic) {
        return diagnostic.getSource() == null ? "?" : diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber();
    }

    /** The test class path, as Surefire gives it (its manifest-only jar hides it from java.class.path). */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
