package io.imagine4j.testkit.oxen;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * Where a generation's result is stored and billed: {@code target_namespace} (the user's own
 * namespace unless the request names another), {@code target_repo}, {@code target_directory}.
 *
 * <pre>{@code
 * OxenTarget target = oxen.job(id).get().params().target();
 * assertThat(target.namespace()).isEqualTo(OxenUser.of(key).namespace());   // none was asked for
 * }</pre>
 */
public record OxenTarget(String namespace, Option<String> repo, Option<String> directory) {

    public OxenTarget {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(directory, "directory");
    }
}
