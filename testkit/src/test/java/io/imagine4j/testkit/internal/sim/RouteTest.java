package io.imagine4j.testkit.internal.sim;

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

    @Test
    void aRestParameterTakesTheRemainingSegments() {
        Route file = new Route("GET", "/api/repos/{namespace}/{repo}/file/{resource...}", Call.CONTENT, Access.PUBLIC,
                exchange -> Reply.empty(200));
        assertThat(file.match("/api/repos/ox/cows/file/main/clips/a%20moo.mp4"))
                .contains(Map.of("namespace", "ox", "repo", "cows", "resource", "main/clips/a moo.mp4"));
        assertThat(file.match("/api/repos/ox/cows/file/main")).contains(Map.of("namespace", "ox", "repo", "cows", "resource", "main"));
        assertThat(file.match("/api/repos/ox/cows/file")).isEmpty();
        assertThat(file.match("/api/repos/ox/cows/file/")).isEmpty();
        assertThat(file.match("/api/repos/ox/cows/file/main//moo.mp4")).isEmpty();
        assertThat(file.match("/api/repos/ox/cows/blob/main/moo.mp4")).isEmpty();
    }

    @Test
    void onlyTheLastSegmentMayBeARestParameter() {
        assertThatThrownBy(() -> new Route("GET", "/a/{b...}/c", Call.OTHER, Access.PUBLIC, exchange -> Reply.empty(200)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only the last segment");
    }
}
