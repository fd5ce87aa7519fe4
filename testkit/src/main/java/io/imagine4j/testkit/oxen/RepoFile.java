package io.imagine4j.testkit.oxen;

import java.net.URI;
import java.util.Objects;

/**
 * A file uploaded to a repository of the Oxen simulator ({@code PUT /repos/{ns}/{repo}/file/{branch}/{path}}),
 * served publicly at {@link #url()}, so it can be a generation's {@code input_video}.
 *
 * <pre>{@code
 * RepoFile clip = oxen.uploads().get(0);
 * clip.url();     // http://127.0.0.1:PORT/api/repos/ox/clips/file/main/inputs/clip.mp4
 * }</pre>
 *
 * @param path     the path inside the branch ({@code inputs/clip.mp4})
 * @param commitId the commit that added this version
 */
public record RepoFile(String namespace, String repo, String branch, String path, String contentType, byte[] content,
                       String commitId, URI url) {

    public RepoFile {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Size in bytes. */
    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "RepoFile[" + namespace + "/" + repo + "/" + branch + "/" + path + ", " + contentType + ", " + content.length + " bytes]";
    }
}
