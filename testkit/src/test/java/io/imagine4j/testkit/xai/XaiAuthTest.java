package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.ApiKeys;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

import static io.imagine4j.testkit.xai.XaiClient.assertFlatError;
import static org.assertj.core.api.Assertions.assertThat;

/** Credentials: bearer auth on the API, a 400 for a wrong key, none on result URLs, and leaks recorded. */
class XaiAuthTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(
            () -> XaiSimulator.start(SimulatorOptions.forTests().withKeys(ApiKeys.exactly(XaiClient.KEY))));

    private static final String UNAUTHENTICATED = "The request does not have valid authentication credentials";

    @Test
    void aMissingKeyIs401(XaiSimulator xai) throws IOException {
        Http http = new Http();
        URI generations = URI.create(xai.baseUrl() + "/videos/generations");
        assertFlatError(http.post(generations, "{\"prompt\":\"x\"}"), 401, UNAUTHENTICATED, "No API key provided");
        assertFlatError(http.post(generations, "{\"prompt\":\"x\"}", "Authorization", "Basic eGFpOmtleQ=="), 401, UNAUTHENTICATED, "No API key");
        assertFlatError(http.get(URI.create(xai.baseUrl() + "/videos/some-id"), "Authorization", "Bearer "), 401, UNAUTHENTICATED, "No API key");
        assertThat(xai.jobs()).isEmpty();
    }

    @Test
    void aWrongKeyIs400IncorrectApiKeyAsTheLiveServiceAnswers(XaiSimulator xai) throws IOException {
        String wrongKey = "xai-wrong-key-abcdefgh";
        HttpResponse<byte[]> response = new Http().post(URI.create(xai.baseUrl() + "/videos/generations"), "{\"prompt\":\"x\"}",
                "Authorization", "Bearer " + wrongKey);
        assertFlatError(response, 400, "Client specified an invalid argument",
                "Incorrect API key provided: xa***gh. You can obtain an API key from https://console.x.ai.");
        assertThat(Http.text(response)).doesNotContain(wrongKey);
        assertFlatError(new Http().get(URI.create(xai.baseUrl() + "/video-generation-models"), "Authorization", "Bearer short"),
                400, "Client specified an invalid argument", "Incorrect API key provided: ***.");
    }

    @Test
    void theRightKeyWorksAndTheJournalKeepsIt(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        client.generate("{\"prompt\":\"x\"}");
        assertThat(xai.journal().entries().get(0).headers().first("authorization")).contains("Bearer " + XaiClient.KEY);
        assertThat(xai.journal().entries().get(0).toString()).doesNotContain(XaiClient.KEY);
        assertThat(xai.credentialLeaks()).as("the key went to the API only").isEmpty();
    }

    @Test
    void resultsNeedNoKeyAndAKeySentThereIsRecordedAsALeak(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"A fox #sim:instant\",\"duration\":1}");
        URI url = client.resultUrl(id);
        assertThat(client.download(url)).isNotEmpty();
        assertThat(xai.credentialLeaks()).isEmpty();

        HttpResponse<byte[]> leaky = client.http.get(url, XaiClient.withKey());
        assertThat(leaky.statusCode()).isEqualTo(200);
        assertThat(xai.credentialLeaks()).singleElement().satisfies(leak -> {
            assertThat(leak.path()).isEqualTo("/results/xai-video-" + id + ".mp4");
            assertThat(leak.call()).isEqualTo(Call.CONTENT);
            assertThat(leak.headers().first("Authorization")).contains("Bearer " + XaiClient.KEY);
        });
    }
}
