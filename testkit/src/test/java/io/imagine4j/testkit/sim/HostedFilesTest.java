package io.imagine4j.testkit.sim;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostedFilesTest {

    @RegisterExtension
    static final SimulatorExtension<ToySimulator> TOY = SimulatorExtension.of(ToySimulator::start);

    private static URI resultOf(ToySimulator toy, ToyClient client, String prompt) throws IOException {
        String id = client.submitted(prompt + " #sim:instant");
        return URI.create(client.polled(id).string("url").get());
    }

    @Test
    void aResultIsServedWithoutAuthAsARealMp4(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        URI url = resultOf(toy, client, "a fox");
        HttpResponse<byte[]> download = client.http.get(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(download.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(download.body()).isEqualTo(SampleMp4.of(Duration.ofSeconds(1)));
        assertThat(Mp4Header.duration(download.body()).get()).isEqualTo(Duration.ofSeconds(1));
        assertThat(toy.calls(Call.CONTENT)).isEqualTo(1);
        assertThat(toy.credentialLeaks()).isEmpty();
    }

    @Test
    void byteRangesLetADownloadResume(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        URI url = resultOf(toy, client, "a fox");
        byte[] whole = SampleMp4.of(Duration.ofSeconds(1));

        HttpResponse<byte[]> head = client.http.get(url, "Range", "bytes=0-99");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).contains("bytes 0-99/" + whole.length);
        HttpResponse<byte[]> rest = client.http.get(url, "Range", "bytes=100-");
        assertThat(rest.statusCode()).isEqualTo(206);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(head.body());
        joined.write(rest.body());
        assertThat(joined.toByteArray()).isEqualTo(whole);

        assertThat(client.http.get(url, "Range", "bytes=-10").body()).hasSize(10);
        HttpResponse<byte[]> past = client.http.get(url, "Range", "bytes=" + whole.length + "-");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).contains("bytes */" + whole.length);
        assertThat(head.headers().firstValue("ETag")).isEqualTo(rest.headers().firstValue("ETag"));
    }

    @Test
    void aCutDownloadResumesFromWhereItStopped(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox #sim:instant,content-drop");
        URI url = URI.create(client.polled(id).string("url").get());
        assertThatThrownBy(() -> client.http.get(url)).isInstanceOf(IOException.class);
        byte[] whole = SampleMp4.of(Duration.ofSeconds(1));
        HttpResponse<byte[]> second = client.http.get(url, "Range", "bytes=" + whole.length / 2 + "-");
        assertThat(second.statusCode()).isEqualTo(206);
        assertThat(second.body()).hasSize(whole.length - whole.length / 2);
    }

    @Test
    void credentialsSentToAResultAreRecordedAsLeaks(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        URI url = resultOf(toy, client, "a fox");
        client.http.get(url);
        client.http.get(url, "Authorization", "Bearer leaked-key");
        client.http.get(url, "api-key", "leaked-too");

        assertThat(toy.credentialLeaks()).hasSize(2);
        assertThat(toy.credentialLeaks()).allSatisfy(leak -> {
            assertThat(leak.call()).isEqualTo(Call.CONTENT);
            assertThat(leak.path()).startsWith("/results/");
        });
        assertThat(toy.credentialLeaks().get(0).headers().first("Authorization")).contains("Bearer leaked-key");
        assertThat(toy.credentialLeaks().get(1).headers().first("api-key")).contains("leaked-too");
    }

    @Test
    void aResultUrlExpiresAfterItsTimeToLive(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        URI url = resultOf(toy, client, "a fox");
        toy.advance(SimulatorOptions.DEFAULT_RESULT_TTL.minusSeconds(1));
        assertThat(client.http.get(url).statusCode()).isEqualTo(200);
        toy.advance(Duration.ofSeconds(1));
        HttpResponse<byte[]> expired = client.http.get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.headers().firstValue("Content-Type")).contains("application/xml");
        assertThat(Http.text(expired)).contains("<Code>AccessDenied</Code>", "Request has expired");
    }

    @Test
    void contentFaultsAnswerAsTheStorageHost(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        String id = client.submitted("a fox #sim:instant,content-expired,content-503,content-429=4s");
        URI url = URI.create(client.polled(id).string("url").get());
        assertThat(client.http.get(url).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> unavailable = client.http.get(url);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(Http.text(unavailable)).contains("<Code>ServiceUnavailable</Code>");
        HttpResponse<byte[]> limited = client.http.get(url);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("4");
        assertThat(client.http.get(url).statusCode()).isEqualTo(200);

        toy.failNext(Call.CONTENT, new Fault.NotFound());
        assertThat(Http.text(client.http.get(url))).contains("<Code>NoSuchKey</Code>");
    }

    @Test
    void aHeadRequestGivesTheLengthWithoutTheBody(ToySimulator toy) throws IOException {
        ToyClient client = new ToyClient(toy);
        URI url = resultOf(toy, client, "a fox");
        HttpResponse<byte[]> head = client.http.send(Http.request(url).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(SampleMp4.of(Duration.ofSeconds(1)).length);
        assertThat(head.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(head.body()).isEmpty();
        assertThat(toy.journal().entries()).last().satisfies(entry -> {
            assertThat(entry.method()).isEqualTo("HEAD");
            assertThat(entry.call()).isEqualTo(Call.CONTENT);
            assertThat(entry.status()).contains(200);
        });
        // The connection stays usable after a HEAD.
        assertThat(client.http.get(url).statusCode()).isEqualTo(200);
        // A fault that would hold or cut the body has no body to act on.
        toy.failNext(Call.CONTENT, new Fault.SlowBody(Duration.ofHours(1)));
        HttpResponse<byte[]> slowHead = client.http.send(Http.request(url).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(slowHead.statusCode()).isEqualTo(200);
        assertThat(toy.heldResponses()).isZero();
    }

    @Test
    void unknownFilesAre404(ToySimulator toy) throws IOException {
        HttpResponse<byte[]> missing = new Http().get(URI.create(toy.rootUrl() + "/results/nothing.mp4"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.text(missing)).contains("NoSuchKey");
    }

    @Test
    void aPublishedFileIsServedUntilReset(ToySimulator toy) throws IOException {
        byte[] clip = SampleMp4.of(Duration.ofSeconds(2));
        URI url = toy.publish("input-clip.mp4", "video/mp4", clip);
        assertThat(url).isEqualTo(URI.create(toy.rootUrl() + "/results/input-clip.mp4"));
        assertThat(new Http().get(url).body()).isEqualTo(clip);
        toy.reset();
        assertThat(new Http().get(url).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> toy.publish("../escape", "video/mp4", clip)).isInstanceOf(IllegalArgumentException.class);
    }
}
