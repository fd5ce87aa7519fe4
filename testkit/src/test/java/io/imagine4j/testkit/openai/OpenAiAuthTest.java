package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.sim.ApiKeys;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.imagine4j.testkit.openai.OpenAiClient.assertError;
import static io.imagine4j.testkit.openai.OpenAiClient.video;
import static org.assertj.core.api.Assertions.assertThat;

/** The key as OpenAI ({@code Authorization: Bearer}) or Azure ({@code api-key}) sends it, and 401s in OpenAI's shape. */
class OpenAiAuthTest {

    @RegisterExtension
    static final SimulatorExtension<OpenAiSimulator> OPENAI = SimulatorExtension.of(
            () -> OpenAiSimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly(OpenAiClient.KEY))));

    private static final String NO_KEY = "You didn't provide an API key.";

    @Test
    void aMissingKeyIs401WithoutACode(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        assertError(client.http.get(client.uri("/videos")), 401, "invalid_request_error", null, null, NO_KEY);
        assertError(client.http.get(client.uri("/videos"), "Authorization", "Basic b3BlbmFpOmtleQ=="), 401, "invalid_request_error", null,
                null, NO_KEY);
        assertError(client.http.get(client.uri("/videos"), "Authorization", "Bearer "), 401, "invalid_request_error", null, null, NO_KEY);
        assertError(client.http.get(client.uri("/videos"), "api-key", " "), 401, "invalid_request_error", null, null, NO_KEY);
        HttpResponse<byte[]> create = client.http.send(Http.request(client.uri("/videos"))
                .header("Content-Type", MultipartBody.of(MultipartBody.Style.NODE).contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(MultipartBody.of(MultipartBody.Style.NODE).field("prompt", "x").bytes())).build());
        assertThat(create.statusCode()).isEqualTo(401);
        assertThat(openai.jobs()).isEmpty();
    }

    @Test
    void aWrongKeyIs401InvalidApiKeyWithTheKeyMasked(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String wrong = "sk-wrong-key-abcdefghijklmnop";
        HttpResponse<byte[]> bearer = client.http.get(client.uri("/videos"), "Authorization", "Bearer " + wrong);
        assertError(bearer, 401, "invalid_request_error", null, "invalid_api_key",
                "Incorrect API key provided: sk-********************mnop. You can find your API key at");
        assertThat(Http.text(bearer)).doesNotContain(wrong);
        HttpResponse<byte[]> azure = client.http.get(client.uri("/videos"), "api-key", "short");
        assertError(azure, 401, "invalid_request_error", null, "invalid_api_key", "Incorrect API key provided: ***.");
    }

    @Test
    void theRightKeyWorksInEitherHeader(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        String id = client.created("A fox");
        assertThat(client.http.get(client.uri("/videos/" + id), "api-key", OpenAiClient.KEY).statusCode()).isEqualTo(200);
        video(client.http.send(Http.request(client.uri("/videos"), "api-key", OpenAiClient.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Azure style\"}")).build()));
        assertThat(openai.jobs()).hasSize(2);
        assertThat(openai.journal().entries().get(0).headers().first("Authorization")).contains("Bearer " + OpenAiClient.KEY);
        assertThat(openai.journal().entries().get(0).toString()).doesNotContain(OpenAiClient.KEY);
        assertThat(openai.credentialLeaks()).isEmpty();
    }

    @Test
    void anAuthFaultRefusesEvenTheRightKey(OpenAiSimulator openai) throws IOException {
        OpenAiClient client = new OpenAiClient(openai);
        openai.failNext(Call.SUBMIT, new Fault.Unauthorized());
        assertError(client.create("A fox"), 401, "invalid_request_error", null, "invalid_api_key", "Incorrect API key provided");
        String id = client.created("A fox #sim:poll-auth");
        assertError(client.retrieve(id), 401, "invalid_request_error", null, "invalid_api_key", "Incorrect API key provided");
        assertThat(client.retrieve(id).statusCode()).isEqualTo(200);
    }
}
