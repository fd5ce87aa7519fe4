package io.imagine4j.http.call;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.http.client.ApiClients;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.support.LoopbackServer;
import io.imagine4j.http.support.Ports;
import io.imagine4j.http.support.RawSocketServer;
import io.imagine4j.http.support.VideoApi;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCallTest {

    private static final ApiCall CALLS = ApiCall.with(ErrorClassifier.forProvider("xAI"));

    private static VideoApi api(URI base) {
        return ApiClients.builder(base).readTimeout(Duration.ofMillis(300)).build(VideoApi.class);
    }

    @Test
    void transport_failures_of_a_poll_are_transient_values() {
        VideoApi refused = api(URI.create("http://127.0.0.1:" + Ports.closed() + "/v1"));
        try (RawSocketServer silent = RawSocketServer.start(RawSocketServer.neverAnswer())) {
            Either<JobFailure, ApiResponse<VideoApi.Poll>> notConnected = CALLS.exchange(() -> refused.poll("abc"));
            Either<JobFailure, ApiResponse<VideoApi.Poll>> timedOut = CALLS.exchange(() -> api(silent.url("/v1")).poll("abc"));

            assertThat(notConnected.getLeft().kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(notConnected.getLeft().kind().isTransient()).isTrue();
            assertThat(notConnected.getLeft().code()).isEqualTo("connection_refused");
            assertThat(timedOut.getLeft().code()).isEqualTo("read_timeout");
            assertThat(timedOut.getLeft().message()).contains("GET http://127.0.0.1:").contains("/v1/videos/abc");
        }
    }

    @Test
    void fetch_decodes_2xx_and_classifies_the_rest() {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.json("/v1/videos/ok", 200, "{\"status\":\"done\",\"progress\":100}");
            server.json("/v1/videos/gone", 404, "{\"code\":\"not_found\",\"error\":\"unknown request id\"}");
            VideoApi api = api(server.url("/v1"));

            assertThat(CALLS.fetch(() -> api.poll("ok")).get()).isEqualTo(new VideoApi.Poll("done", 100));
            assertThat(CALLS.fetch(() -> api.poll("gone")).getLeft().kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(CALLS.classifier().provider()).isEqualTo("xAI");
        }
    }
}
