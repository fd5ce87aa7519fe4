package io.imagine4j.testkit.oxen;

import io.vavr.control.Option;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The repositories of the Oxen simulator: files by namespace, repository, branch and path, and
 * each branch's last commit. A repository exists as soon as something is uploaded to it.
 */
final class RepoFiles {

    /** One file of an upload: where it goes, its type and its bytes. */
    record Upload(String path, String contentType, byte[] content) {
    }

    private final Map<String, RepoFile> files = new LinkedHashMap<>();
    private final Map<String, String> heads = new HashMap<>();

    /** Commits {@code uploads} to a branch; {@code urls} gives each path's public URL. */
    synchronized RepoCommit commit(String namespace, String repo, String branch, List<Upload> uploads, String message,
                                   String author, String email, Instant now, Function<String, URI> urls) {
        String branchKey = key(namespace, repo, branch, "");
        String id = UUID.randomUUID().toString().replace("-", "");
        List<String> parents = Option.of(heads.get(branchKey)).toJavaList();
        for (Upload upload : uploads) {
            files.put(key(namespace, repo, branch, upload.path()), new RepoFile(namespace, repo, branch, upload.path(),
                    upload.contentType(), upload.content(), id, urls.apply(upload.path())));
        }
        heads.put(branchKey, id);
        return new RepoCommit(id, parents, message, author, email, now);
    }

    synchronized Option<RepoFile> find(String namespace, String repo, String branch, String path) {
        return Option.of(files.get(key(namespace, repo, branch, path)));
    }

    /** Whether {@code path} is a directory of the branch: the root, or a prefix of some file's path. */
    synchronized boolean isDirectory(String namespace, String repo, String branch, String path) {
        if (path.isEmpty()) {
            return true;
        }
        String prefix = key(namespace, repo, branch, path) + "/";
        return files.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    synchronized List<RepoFile> all() {
        return new ArrayList<>(files.values());
    }

    synchronized void clear() {
        files.clear();
        heads.clear();
    }

    private static String key(String namespace, String repo, String branch, String path) {
        return namespace + "\u0000" + repo + "\u0000" + branch + "\u0000" + path;
    }
}
