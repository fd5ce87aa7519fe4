package io.imagine4j.xai;

import com.sun.net.httpserver.HttpServer;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.model.JobId;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.sim.JournalEntry;
import io.imagine4j.testkit.xai.XaiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API host that redirects a poll to another origin (here: the simulator on another port) must
 * not hand it the key: the request arrives there without credentials, and is refused.
 */
class CrossOriginRedirectTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    HttpServer redirector;

    @BeforeEach
    void start() throws IOException {
        URI target = XAI.get().baseUrl();
        redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirector.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/v1", "");
            exchange.getResponseHeaders().add("Location", target + path);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
    }

    @AfterEach
    void stop() {
        redirector.stop(0);
    }

    @Test
    void the_key_is_not_sent_to_a_redirect_target_on_another_origin() {
        URI base = URI.create("http://127.0.0.1:" + redirector.getAddress().getPort() + "/v1");
        XaiVideoProvider xai = XaiVideo.builder().apiKey("secret-key-abc").baseUrl(base).build();

        var answer = xai.poll(JobId.of("xai", "req-1"));

        List<JournalEntry> arrived = XAI.get().journal().entries();
        assertThat(arrived).singleElement().satisfies(entry -> {
            assertThat(entry.path()).endsWith("/videos/req-1");
            assertThat(entry.headers().carriesCredential()).isFalse();
        });
        assertThat(answer.getLeft().kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(answer.getLeft().message()).doesNotContain("secret-key-abc");
    }
}
