package io.imagine4j.testkit.internal.sim;

import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.HttpSimulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The endpoints a simulator declares in {@link HttpSimulator#routes}. Paths are below the
 * simulator's mount, API root included:
 *
 * <pre>{@code
 * routes.post("/v1/videos/generations", Call.SUBMIT, this::generate)
 *       .get("/v1/videos/{request_id}", Call.POLL, this::poll);
 * }</pre>
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    public Routes add(Route route) {
        routes.add(route);
        return this;
    }

    public Routes get(String pattern, Call call, CallHandler handler) {
        return add(new Route("GET", pattern, call, Access.AUTHENTICATED, handler));
    }

    public Routes post(String pattern, Call call, CallHandler handler) {
        return add(new Route("POST", pattern, call, Access.AUTHENTICATED, handler));
    }

    public Routes delete(String pattern, Call call, CallHandler handler) {
        return add(new Route("DELETE", pattern, call, Access.AUTHENTICATED, handler));
    }

    /** A public GET: no auth, credentials sent to it are recorded as leaks. */
    public Routes publicGet(String pattern, Call call, CallHandler handler) {
        return add(new Route("GET", pattern, call, Access.PUBLIC, handler));
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }
}
