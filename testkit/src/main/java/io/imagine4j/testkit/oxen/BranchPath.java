package io.imagine4j.testkit.oxen;

import java.util.Objects;

/**
 * The {@code {resource}} of Oxen's file API: a branch, then a path inside it ("" for the root).
 *
 * <pre>{@code
 * BranchPath.of("main/inputs/clip.mp4");   // branch "main", path "inputs/clip.mp4"
 * }</pre>
 */
record BranchPath(String branch, String path) {

    BranchPath {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
    }

    static BranchPath of(String resource) {
        int slash = resource.indexOf('/');
        return slash < 0 ? new BranchPath(resource, "") : new BranchPath(resource.substring(0, slash), resource.substring(slash + 1));
    }
}
