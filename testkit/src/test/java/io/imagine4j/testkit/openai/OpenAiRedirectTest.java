package io.imagine4j.testkit.openai;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.JournalEntry;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /content} the way Azure and CDN gateways serve it: a 302 to a signed storage URL on another
 * origin. The storage URL needs no key; a client that carries its key across the redirect is caught
 * by {@code credentialLeaks()}.
 */
class OpenAiRedirectTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(() -> OpenAiSimulator.start(
            SimulatorOptions.forTests(), OpenAiSettings.defaults().withContentDelivery(ContentDelivery.REDIRECT)));

    @Test
    void contentRedirectsToAStorageUrlOnAnotherOrigin(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant");
        HttpResponse<byte[]> redirect = client.content(id, "");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.body()).isEmpty();
        URI storage = URI.create(redirect.headers().firstValue("Location").get());
        assertThat(storage.getHost()).isEqualTo(OpenAiSimulator.STORAGE_HOST).isNotEqualTo(openai.baseUrl().getHost());
        assertThat(storage.getPort()).isEqualTo(openai.baseUrl().getPort());
        assertThat(storage.getPath()).isEqualTo("/results/openai-" + id + ".mp4");
        long expiresAt = client.retrieved(id).number("expires_at").get().longValueExact();
        assertThat(storage.getQuery()).startsWith("se=" + expiresAt + "&sp=r&sig=");

        HttpResponse<byte[]> download = client.http.get(storage);           // as a client must: no key
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(download.headers().firstValue("x-request-id")).as("a storage host, not the API").isEmpty();
        assertThat(Mp4Header.duration(download.body()).get()).isEqualTo(Duration.ofSeconds(4));
        assertThat(openai.credentialLeaks()).isEmpty();
    }

    @Test
    void deletingAVideoTakesItsStorageUrlOffline(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant");
        URI storage = URI.create(client.content(id, "").headers().firstValue("Location").get());
        assertThat(client.http.get(storage).statusCode()).isEqualTo(200);
        assertThat(client.delete("/videos/" + id).statusCode()).isEqualTo(200);
        assertThat(client.http.get(storage).statusCode()).isEqualTo(404);
    }

    @Test
    void aClientThatKeepsItsKeyAcrossTheRedirectIsCaught(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant");
        URI storage = URI.create(client.content(id, "?variant=thumbnail").headers().firstValue("Location").get());
        assertThat(client.http.get(storage, OpenAiClient.withKey()).statusCode()).isEqualTo(200);
        assertThat(client.http.get(storage, "api-key", OpenAiClient.KEY).statusCode()).isEqualTo(200);

        assertThat(openai.credentialLeaks()).hasSize(2).allSatisfy(leak -> {
            assertThat(leak.path()).isEqualTo("/results/openai-" + id + "-thumbnail.webp");
            assertThat(leak.call()).isEqualTo(Call.CONTENT);
        });
        assertThat(openai.credentialLeaks().get(0).headers().first("Authorization")).contains("Bearer " + OpenAiClient.KEY);
        assertThat(openai.credentialLeaks().get(1).headers().first("api-key")).contains(OpenAiClient.KEY);
        assertThat(openai.credentialLeaks()).extracting(JournalEntry::toString).noneMatch(line -> line.contains(OpenAiClient.KEY));
    }

    @Test
    void everyVariantRedirectsAndTheStorageUrlExpiresWithTheAssets(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox #sim:instant");
        for (String variant : new String[] {"thumbnail", "spritesheet"}) {
            URI storage = URI.create(client.content(id, "?variant=" + variant).headers().firstValue("Location").get());
            HttpResponse<byte[]> preview = client.http.get(storage);
            assertThat(preview.headers().firstValue("Content-Type")).contains(variant.equals("thumbnail") ? "image/webp" : "image/jpeg");
        }
        URI video = URI.create(client.content(id, "").headers().firstValue("Location").get());
        openai.advance(openai.options().resultTtl());
        HttpResponse<byte[]> expired = client.http.get(video);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(Http.text(expired)).contains("<Code>AccessDenied</Code>", "Request has expired");
    }

    @Test
    void aDirectiveChoosesDirectDeliveryForOneJob(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String direct = client.created("A fox #sim:instant,content=direct");
        assertThat(client.content(direct, "").statusCode()).isEqualTo(200);
        assertThat(openai.jobs().get(0).params().contentDelivery()).isEqualTo(ContentDelivery.DIRECT);
    }

    @Test
    void andTheOtherWayRoundOnAnOrdinarySimulator() throws IOException {
        try (OpenAiSimulator openai = OpenAiSimulator.start()) {
            OpenAiClient client = new OpenAiClient(openai);
            String direct = client.created("A fox #sim:instant");
            String viaHeader = video(client, "content=redirect,instant");
            assertThat(client.content(direct, "").statusCode()).isEqualTo(200);
            assertThat(client.content(viaHeader, "").statusCode()).isEqualTo(302);
        }
    }

    private static String video(OpenAiClient client, String directives) throws IOException {
        return OpenAiClient.video(client.post("/videos", MultipartBody.of(MultipartBody.Style.PYTHON).field("prompt", "A fox"),
                "X-Imagine4j-Sim", directives)).string("id").get();
    }
}
