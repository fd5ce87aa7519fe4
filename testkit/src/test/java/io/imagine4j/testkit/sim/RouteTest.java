package io.imagine4j.testkit.sim;

import io.imagine4j.testkit.scenario.Call;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTest {

    private final Route poll = new Route("GET", "/v1/videos/{request_id}", Call.POLL, Access.AUTHENTICATED, exchange -> Reply.empty(200));

    @Test
    void matchesSegmentsAndDecodesParameters() {
        assertThat(poll.match("/v1/videos/abc-123")).contains(Map.of("request_id", "abc-123"));
        assertThat(poll.match("/v1/videos/a%20b+c")).contains(Map.of("request_id", "a b+c"));
    }

    @Test
    void refusesOtherShapes() {
        assertThat(poll.match("/v1/videos/")).isEmpty();
        assertThat(poll.match("/v1/videos")).isEmpty();
        assertThat(poll.match("/v1/videos/a/b")).isEmpty();
        assertThat(poll.match("/v2/videos/a")).isEmpty();
    }

    @Test
    void patternsStartWithASlash() {
        assertThatThrownBy(() -> new Route("GET", "v1", Call.OTHER, Access.PUBLIC, exchange -> Reply.empty(200)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
