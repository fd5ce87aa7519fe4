package io.imagine4j.reliability.figures;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints the suite's figures once every test has run (registered with the JUnit Platform through
 * {@code META-INF/services}), and writes the same block to {@code target/reliability-figures.txt}.
 * The block is what {@code RELIABILITY.md} quotes: the counts every run repeats, sections and
 * figures in alphabetical order, one figure a line; then the measurements of this run.
 */
public final class FiguresReport implements TestExecutionListener {

    static final String TITLE = "imagine4j reliability figures";

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Map<String, Map<String, Long>> counts = Figures.counts();
        if (counts.isEmpty()) {
            return;
        }
        String block = render(counts, Figures.measurements());
        System.out.println(block);
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("reliability-figures.txt"), block, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the figures could not be written", e);
        }
    }

    static String render(Map<String, Map<String, Long>> counts, Map<String, Map<String, Long>> measurements) {
        StringBuilder out = new StringBuilder("==== ").append(TITLE).append(" ====\n");
        sections(counts, out);
        out.append("---- measured in this run (varies from run to run) ----\n");
        sections(measurements, out);
        return out.append("==== end of figures ====\n").toString();
    }

    private static void sections(Map<String, Map<String, Long>> figures, StringBuilder out) {
        figures.forEach((section, values) -> {
            out.append(section).append('\n');
            values.forEach((what, value) -> out.append("  ").append(what).append(": ").append(value).append('\n'));
        });
    }
}
