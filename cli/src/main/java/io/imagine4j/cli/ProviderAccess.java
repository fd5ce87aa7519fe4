package io.imagine4j.cli;

import io.imagine4j.store.jdbc.JdbcJobStore;
import io.vavr.control.Option;

/**
 * The store and a service on the chosen provider, for commands that ask the provider about its own
 * jobs and models ({@code list}, {@code delete}, {@code models}).
 *
 * @param store   the job store
 * @param session the service on the provider
 */
record ProviderAccess(JdbcJobStore store, Session session) implements AutoCloseable {

    /** Opens the store and the backend the options choose, or, for a job, the backend of its provider. */
    static ProviderAccess open(CommonOptions options, CliEnvironment env, Messages messages, Option<Api> forJob) {
        JdbcJobStore store = StoreLocation.of(options, env).open(env);
        try {
            Backend backend = forJob.map(api -> Backends.forApi(api, options, env, messages))
                    .getOrElse(() -> Backends.open(options, env, messages));
            return new ProviderAccess(store, Session.open(backend, store, env.settings()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            store.close();
        }
    }
}
