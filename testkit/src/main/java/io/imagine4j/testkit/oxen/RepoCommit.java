package io.imagine4j.testkit.oxen;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A commit of an upload, as the file API's {@code CommitResponse} shows it. */
record RepoCommit(String id, List<String> parentIds, String message, String author, String email, Instant timestamp) {

    RepoCommit {
        Objects.requireNonNull(id, "id");
        parentIds = List.copyOf(parentIds);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
