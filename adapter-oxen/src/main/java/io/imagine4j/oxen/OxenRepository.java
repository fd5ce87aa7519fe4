package io.imagine4j.oxen;

import java.util.Objects;

/**
 * The Oxen repository local inputs are uploaded to, so a model can fetch them by URL: files and
 * bytes given as {@code MediaSource.file(…)} or {@code MediaSource.bytes(…)} go to
 * {@code {namespace}/{repo}} on {@code branch}, under {@code directory}, named by their content's
 * SHA-256 (the same content is uploaded once). Oxen's models fetch inputs without your key, so the
 * repository must be public.
 *
 * <pre>{@code
 * VideoProvider oxen = OxenHub.builder()
 *         .uploadsTo(OxenRepository.of("my-namespace", "video-inputs"))       // branch main, directory imagine4j-inputs
 *         .build();
 * }</pre>
 *
 * @param namespace the repository's namespace (a user or an organisation)
 * @param repo      the repository's name
 * @param branch    the branch written to
 * @param directory the directory inside the branch, without leading or trailing slash
 */
public record OxenRepository(String namespace, String repo, String branch, String directory) {

    /** The directory inputs go to unless told otherwise. */
    public static final String DEFAULT_DIRECTORY = "imagine4j-inputs";

    public OxenRepository {
        namespace = segment(namespace, "namespace");
        repo = segment(repo, "repo");
        branch = segment(branch, "branch");
        Objects.requireNonNull(directory, "directory");
        directory = directory.strip();
        while (directory.startsWith("/")) {
            directory = directory.substring(1);
        }
        while (directory.endsWith("/")) {
            directory = directory.substring(0, directory.length() - 1);
        }
        if (directory.contains("..") || directory.contains("//")) {
            throw new IllegalArgumentException("An upload directory is a plain path inside the branch, got '" + directory + "'");
        }
    }

    /** {@code namespace/repo} on branch {@code main}, directory {@value #DEFAULT_DIRECTORY}. */
    public static OxenRepository of(String namespace, String repo) {
        return new OxenRepository(namespace, repo, "main", DEFAULT_DIRECTORY);
    }

    /**
     * Reads {@code namespace/repo}, optionally {@code namespace/repo/branch}, as in the
     * {@code OXEN_UPLOAD_REPOSITORY} variable.
     */
    public static OxenRepository parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").strip().split("/");
        if (parts.length != 2 && parts.length != 3) {
            throw new IllegalArgumentException("An Oxen repository is written namespace/repo or namespace/repo/branch, got '"
                    + text + "'");
        }
        return new OxenRepository(parts[0], parts[1], parts.length == 3 ? parts[2] : "main", DEFAULT_DIRECTORY);
    }

    public OxenRepository onBranch(String name) {
        return new OxenRepository(namespace, repo, name, directory);
    }

    public OxenRepository inDirectory(String path) {
        return new OxenRepository(namespace, repo, branch, path);
    }

    private static String segment(String value, String what) {
        Objects.requireNonNull(value, what);
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.contains("/") || trimmed.equals("..") || trimmed.equals(".")) {
            throw new IllegalArgumentException("An Oxen repository's " + what + " is one non-empty path segment, got '" + value + "'");
        }
        return trimmed;
    }

    @Override
    public String toString() {
        return namespace + "/" + repo + "@" + branch + (directory.isEmpty() ? "" : ":" + directory);
    }
}
