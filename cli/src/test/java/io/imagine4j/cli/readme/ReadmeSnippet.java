package io.imagine4j.cli.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code java} block of the README, as a compilation unit. A block is statements unless an HTML
 * comment right before it says otherwise; the comment also declares what the example takes as given:
 * {@code <!-- java: given VideoJobs jobs, VideoRequest request -->} (statements with these in scope),
 * {@code <!-- java: members -->} (fields and methods of a test class), or
 * {@code <!-- java: skip, where it is compiled instead -->} (code of another module, such as the Spring example).
 */
record ReadmeSnippet(int line, String code, boolean members, String given) {

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!--\\s*java:\\s*(members|skip[^>]*?|given(?:\\s+([^>]*?))?)\\s*-->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    static List<ReadmeSnippet> all(String readme) {
        List<ReadmeSnippet> snippets = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(readme);
        while (matcher.find()) {
            int line = readme.substring(0, matcher.start(3)).split("\n", -1).length;
            if (matcher.group(1) != null && matcher.group(1).startsWith("skip")) {
                continue;
            }
            boolean members = "members".equals(matcher.group(1));
            String given = matcher.group(2) == null ? "" : matcher.group(2).trim();
            snippets.add(new ReadmeSnippet(line, matcher.group(3), members, given));
        }
        return snippets;
    }

    /** The class name this snippet compiles as. */
    String className() {
        return "ReadmeLine" + line;
    }

    /** The snippet inside a class, after the imports every example may use. */
    String source(List<String> imports) {
        StringBuilder unit = new StringBuilder("package readme;\n\n");
        imports.forEach(name -> unit.append("import ").append(name).append(";\n"));
        unit.append("\n@SuppressWarnings(\"all\")\nclass ").append(className()).append(" {\n");
        if (members) {
            unit.append(code);
        } else {
            unit.append("    void example(").append(given).append(") throws Exception {\n").append(code).append("    }\n");
        }
        return unit.append("}\n").toString();
    }
}
