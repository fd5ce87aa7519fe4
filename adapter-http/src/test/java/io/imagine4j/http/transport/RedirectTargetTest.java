package io.imagine4j.http.transport;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectTargetTest {

    private static final URI HERE = URI.create("https://api.x.ai/v1/videos/abc/content");

    @Test
    void resolves_relative_and_absolute_locations_of_redirect_statuses() {
        assertThat(RedirectTarget.of(HERE, 302, Optional.of("/files/v.mp4")))
                .isEqualTo(Option.some(URI.create("https://api.x.ai/files/v.mp4")));
        assertThat(RedirectTarget.of(HERE, 307, Optional.of("https://cdn.example.com/v.mp4?sig=1")))
                .isEqualTo(Option.some(URI.create("https://cdn.example.com/v.mp4?sig=1")));
    }

    @Test
    void refuses_downgrades_other_schemes_missing_locations_and_other_statuses() {
        assertThat(RedirectTarget.of(HERE, 302, Optional.of("http://cdn.example.com/v.mp4"))).isEqualTo(Option.none());
        assertThat(RedirectTarget.of(HERE, 302, Optional.of("file:///etc/passwd"))).isEqualTo(Option.none());
        assertThat(RedirectTarget.of(HERE, 302, Optional.empty())).isEqualTo(Option.none());
        assertThat(RedirectTarget.of(HERE, 304, Optional.of("/x"))).isEqualTo(Option.none());
        assertThat(RedirectTarget.of(HERE, 200, Optional.of("/x"))).isEqualTo(Option.none());
        assertThat(RedirectTarget.of(HERE, 302, Optional.of("http://[bad"))).isEqualTo(Option.none());
    }
}
