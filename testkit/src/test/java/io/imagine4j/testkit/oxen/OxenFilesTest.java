package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.scenario.Fault;
import io.imagine4j.testkit.support.Http;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.imagine4j.testkit.oxen.OxenClient.Part;
import static io.imagine4j.testkit.oxen.OxenClient.assertOxenError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT /repos/{ns}/{repo}/file/{branch}/{path}} uploads, then the public download of the file. */
class OxenFilesTest {

    @RegisterExtension
    static final SimulatorExtension<OxenSimulator> OXEN = SimulatorExtension.of(OxenSimulator::start);

    private static final byte[] CLIP = SampleMp4.of(Duration.ofSeconds(3));

    @Test
    void filesAreCommittedIntoTheDirectoryAndServedPubliclyWithRanges(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        HttpResponse<byte[]> response = client.upload("ox", "clips", "main/inputs", List.of(
                Part.file("files[]", "clip.mp4", "video/mp4", CLIP),
                Part.text("message", "Add a clip"), Part.text("name", "bessie"), Part.text("email", "bessie@oxen.ai")));
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        JsonObject body = Http.json(response);
        assertThat(body.members().keySet()).containsExactly("status", "status_message", "commit");
        assertThat(body.string("status")).contains("success");
        JsonObject commit = body.object("commit").get();
        assertThat(commit.members().keySet()).containsExactly("id", "parent_ids", "message", "author", "email", "timestamp");
        assertThat(commit.string("id").get()).matches("[0-9a-f]{32}");
        assertThat(commit.get("parent_ids").get().toJson()).isEqualTo("[]");
        assertThat(commit.string("message")).contains("Add a clip");
        assertThat(commit.string("author")).contains("bessie");
        assertThat(commit.string("email")).contains("bessie@oxen.ai");
        assertThat(commit.string("timestamp")).contains(oxen.clock().now().toString());

        URI url = oxen.fileUrl("ox", "clips", "main", "inputs/clip.mp4");
        assertThat(url).isEqualTo(URI.create(oxen.baseUrl() + "/repos/ox/clips/file/main/inputs/clip.mp4"));
        HttpResponse<byte[]> download = client.http.get(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(CLIP);
        assertThat(download.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(download.headers().firstValue("Accept-Ranges")).contains("bytes");

        HttpResponse<byte[]> part = client.http.get(url, "Range", "bytes=10-19");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(CLIP, 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 10-19/" + CLIP.length);
        HttpResponse<byte[]> head = client.http.send(Http.request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(CLIP.length));

        assertThat(oxen.uploads()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("inputs/clip.mp4");
            assertThat(file.commitId()).isEqualTo(commit.string("id").get());
            assertThat(file.url()).isEqualTo(url);
        });
        assertThat(oxen.credentialLeaks()).isEmpty();
    }

    @Test
    void theDeprecatedFileFieldUploadsToTheFullPathOrIntoAnExistingDirectory(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        HttpResponse<byte[]> first = client.upload("ox", "clips", "main/takes/one.mp4", List.of(Part.file("file", "ignored.mp4", null, CLIP)));
        assertThat(first.statusCode()).as(Http.text(first)).isEqualTo(200);
        HttpResponse<byte[]> second = client.upload("ox", "clips", "main/takes", List.of(Part.file("file", "two.mp4", null, CLIP)));
        assertThat(second.statusCode()).as(Http.text(second)).isEqualTo(200);
        assertThat(oxen.uploads()).extracting(RepoFile::path).containsExactly("takes/one.mp4", "takes/two.mp4");
        assertThat(oxen.uploads()).allSatisfy(file -> assertThat(file.contentType()).isEqualTo("video/mp4"));
        // Each upload is a commit on top of the branch's last one.
        String firstId = Http.json(first).object("commit").get().string("id").get();
        assertThat(Http.json(second).object("commit").get().get("parent_ids").get().toJson()).isEqualTo("[\"" + firstId + "\"]");
        assertThat(client.download(oxen.fileUrl("ox", "clips", "main", "takes/two.mp4"))).isEqualTo(CLIP);
    }

    @Test
    void aBadUploadIsAnInvalidParamsError(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        assertOxenError(client.upload("ox", "clips", "main/x", List.of(Part.text("message", "nothing"))), 400, "invalid_params",
                "No file to upload");
        assertOxenError(client.upload("ox", "clips", "main", List.of(Part.file("files[]", null, null, CLIP))), 400, "invalid_params",
                "needs a file name");
        HttpResponse<byte[]> json = client.http.send(Http.request(client.api("/repos/ox/clips/file/main/x.mp4"), client.withKey())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertOxenError(json, 400, "invalid_params", "multipart/form-data");
        HttpResponse<byte[]> broken = client.http.send(Http.request(client.api("/repos/ox/clips/file/main/x.mp4"), client.withKey())
                .header("Content-Type", "multipart/form-data; boundary=abc")
                .PUT(HttpRequest.BodyPublishers.ofString("no boundary here")).build());
        assertOxenError(broken, 400, "invalid_params", "malformed");
        HttpResponse<byte[]> anonymous = client.http.send(Http.request(client.api("/repos/ox/clips/file/main/x.mp4"))
                .header("Content-Type", "multipart/form-data; boundary=abc").PUT(HttpRequest.BodyPublishers.ofString("")).build());
        assertOxenError(anonymous, 401, "unauthenticated", "Authorization: Bearer");
        assertThat(oxen.uploads()).isEmpty();
    }

    @Test
    void anUnknownFileIsAnOxenNotFoundAndFileFaultsComeInOxensShape(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        assertOxenError(client.http.get(oxen.fileUrl("ox", "clips", "main", "missing.mp4")), 404, "resource_not_found",
                "File not found: main/missing.mp4");
        client.upload("ox", "clips", "main", List.of(Part.file("files[]", "clip.mp4", "video/mp4", CLIP)));
        URI url = oxen.fileUrl("ox", "clips", "main", "clip.mp4");
        oxen.failNext(Call.CONTENT, new Fault.ServerError(503));
        oxen.failNext(Call.CONTENT, new Fault.RateLimited(Option.some(Duration.ofSeconds(2))));
        assertOxenError(client.http.get(url), 503, "service_unavailable", "simulated 503");
        HttpResponse<byte[]> limited = client.http.get(url);
        assertOxenError(limited, 429, "too_many_requests", "Rate limit");
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(client.download(url)).isEqualTo(CLIP);
    }

    @Test
    void aCredentialSentToAPublicFileIsRecordedAsALeak(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        client.upload("ox", "clips", "main", List.of(Part.file("files[]", "clip.mp4", "video/mp4", CLIP)));
        URI url = oxen.fileUrl("ox", "clips", "main", "clip.mp4");
        assertThat(client.http.get(url, client.withKey()).statusCode()).isEqualTo(200); // a careless client
        assertThat(oxen.credentialLeaks()).singleElement().satisfies(leak -> {
            assertThat(leak.path()).isEqualTo("/api/repos/ox/clips/file/main/clip.mp4");
            assertThat(leak.headers().first("Authorization")).contains("Bearer " + OxenClient.KEY);
            assertThat(leak.toString()).doesNotContain(OxenClient.KEY);
        });
    }

    @Test
    void pathsWithSpacesAndDeepDirectoriesRoundTrip(OxenSimulator oxen) throws IOException {
        OxenClient client = new OxenClient(oxen);
        byte[] text = "moo".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = client.upload("ox", "farm", "dev/a/b%20c", List.of(Part.file("files[]", "cow sound.txt", null, text)));
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        URI url = oxen.fileUrl("ox", "farm", "dev", "a/b c/cow sound.txt");
        assertThat(url.getRawPath()).endsWith("/file/dev/a/b%20c/cow%20sound.txt");
        HttpResponse<byte[]> download = client.http.get(url);
        assertThat(download.body()).isEqualTo(text);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
    }
}
