package io.imagine4j.testkit.standalone;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonReader;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the packaged {@code imagine4j-simulator.jar} as users do: {@code java -jar}, a real clock, then SIGTERM. */
class StandaloneSimulatorIT {

    private static final Pattern BASE_URL = Pattern.compile("(\\w+)\\s+(http://127\\.0\\.0\\.1:\\d+/\\S+)");

    private final Path jar = Path.of(System.getProperty("imagine4j.simulator.jar", "target/imagine4j-simulator.jar"));
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void theJarServesAFullXaiJobAndExitsCleanlyOnSigterm() throws Exception {
        process = new ProcessBuilder(java(), "-jar", jar.toString(), "--port", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> Http.unchecked(out::readLine)).get(60, TimeUnit.SECONDS);
        Matcher printed = BASE_URL.matcher(line);
        assertThat(printed.matches()).as(line).isTrue();
        assertThat(printed.group(1)).isEqualTo("xai");
        URI xai = URI.create(printed.group(2));
        assertThat(xai.getPath()).isEqualTo("/xai/v1");

        Http http = new Http();
        String[] anyKey = {"Authorization", "Bearer any-non-empty-key"};
        assertThat(http.post(URI.create(xai + "/videos/generations"), "{\"prompt\":\"x\"}").statusCode()).isEqualTo(401);
        HttpResponse<byte[]> submitted = http.post(URI.create(xai + "/videos/generations"),
                "{\"model\":\"grok-imagine-video\",\"prompt\":\"A fox in the snow #sim:slow=2s\",\"duration\":1}", anyKey);
        assertThat(submitted.statusCode()).as(Http.text(submitted)).isEqualTo(200);
        String id = Http.json(submitted).string("request_id").get();

        URI poll = URI.create(xai + "/videos/" + id);
        HttpResponse<byte[]> first = http.get(poll, anyKey);
        assertThat(first.statusCode()).as("pending on the real clock").isEqualTo(202);
        HttpResponse<byte[]> done = first;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (done.statusCode() == 202 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // a client's polling interval
            done = http.get(poll, anyKey);
        }
        assertThat(done.statusCode()).as(Http.text(done)).isEqualTo(200);
        JsonObject video = Http.json(done).object("video").get();
        URI url = URI.create(video.string("url").get());
        assertThat(url.getPath()).isEqualTo("/xai/results/xai-video-" + id + ".mp4");

        HttpResponse<byte[]> download = http.get(url);
        assertThat(download.statusCode()).isEqualTo(200);
        Duration length = Mp4Header.duration(download.body()).get();
        assertThat(length).isBetween(Duration.ofMillis(900), Duration.ofMillis(1100));

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThatThrownBy(() -> http.get(poll, anyKey)).isInstanceOf(ConnectException.class);
    }

    @Test
    void theJarServesAFullOpenAiJobAsTheSdksSendIt() throws Exception {
        process = new ProcessBuilder(java(), "-jar", jar.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        URI openai = printedBaseUrl("openai");
        assertThat(openai.getPath()).isEqualTo("/openai/v1");

        Http http = new Http();
        String[] anyKey = {"Authorization", "Bearer sk-any-non-empty-key"};
        // multipart/form-data exactly as the official Node SDK (undici FormData) sends it
        String boundary = "----formdata-undici-012345678901";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nA fox in the snow #sim:slow=2s\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"seconds\"\r\n\r\n4\r\n--" + boundary + "--\r\n";
        HttpResponse<byte[]> created = http.send(Http.request(URI.create(openai + "/videos"), anyKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(created.statusCode()).as(Http.text(created)).isEqualTo(200);
        JsonObject video = Http.json(created);
        String id = video.string("id").get();
        assertThat(video.string("status")).contains("queued");
        assertThat(video.string("seconds")).contains("4");

        URI retrieve = URI.create(openai + "/videos/" + id);
        HttpResponse<byte[]> polled = http.get(retrieve, anyKey);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (polled.headers().firstValue("openai-poll-after-ms").isPresent() && System.nanoTime() < deadline) {
            long hint = Long.parseLong(polled.headers().firstValue("openai-poll-after-ms").get());
            LockSupport.parkNanos(Duration.ofMillis(hint).toNanos()); // the interval the server asks for
            polled = http.get(retrieve, anyKey);
        }
        assertThat(Http.json(polled).string("status")).as(Http.text(polled)).contains("completed");
        assertThat(polled.headers().firstValue("x-request-id")).isPresent();
        assertThat(Http.text(http.get(URI.create(openai + "/videos?limit=1"), anyKey))).contains("\"id\":\"" + id + "\"");

        URI content = URI.create(openai + "/videos/" + id + "/content");
        assertThat(http.get(content).statusCode()).as("the download needs the key").isEqualTo(401);
        HttpResponse<byte[]> download = http.get(content, anyKey);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(Mp4Header.duration(download.body()).get()).isBetween(Duration.ofMillis(3_900), Duration.ofMillis(4_100));
        HttpResponse<byte[]> thumbnail = http.get(URI.create(content + "?variant=thumbnail"), anyKey);
        assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/webp");

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void theJarServesAFullOxenJobOfAnUploadedClipThroughTheEventStream() throws Exception {
        process = new ProcessBuilder(java(), "-jar", jar.toString(), "--port", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        URI oxen = CompletableFuture.supplyAsync(() -> Http.unchecked(() -> {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher printed = BASE_URL.matcher(line);
                if (printed.matches() && printed.group(1).equals("oxen")) {
                    return URI.create(printed.group(2));
                }
            }
            throw new AssertionError("the jar printed no oxen base URL");
        })).get(60, TimeUnit.SECONDS);
        assertThat(oxen.getPath()).isEqualTo("/oxen/api");
        Http http = new Http();
        String[] anyKey = {"Authorization", "Bearer any-non-empty-key"};

        // Upload the clip to edit, as a multipart PUT; the hub then serves it publicly.
        byte[] clip = SampleMp4.of(Duration.ofMillis(2_300));
        String boundary = "imagine4j-it-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"clip.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(clip);
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> uploaded = http.send(Http.request(URI.create(oxen + "/repos/ox/clips/file/main/inputs"), anyKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build());
        assertThat(uploaded.statusCode()).as(Http.text(uploaded)).isEqualTo(200);
        URI input = URI.create(oxen + "/repos/ox/clips/file/main/inputs/clip.mp4");
        assertThat(http.get(input).body()).isEqualTo(clip);

        // Subscribe first (no replay), then enqueue; the completion arrives on the real clock.
        HttpResponse<InputStream> stream = http.client().send(Http.request(URI.create(oxen + "/events"), anyKey).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> enqueued = http.post(URI.create(oxen + "/ai/queue"), "{\"model\":\"xai-grok-imagine-video-edit-video\","
                + "\"prompt\":\"Make it snow #sim:slow=1s\",\"input_video\":\"" + input + "\"}", anyKey);
        assertThat(enqueued.statusCode()).as(Http.text(enqueued)).isEqualTo(200);
        String id = ((JsonObject) ((JsonArray) Http.json(enqueued).get("generations").get()).elements().get(0)).string("generation_id").get();
        JsonObject completed = CompletableFuture.supplyAsync(() -> Http.unchecked(() -> {
            boolean completion = false;
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                if (line.equals("event: media_generation_completed")) {
                    completion = true;
                } else if (completion && line.startsWith("data: ")) {
                    return (JsonObject) JsonReader.parse(line.substring(6));
                }
            }
            throw new AssertionError("the event stream ended without a completion");
        })).get(30, TimeUnit.SECONDS);
        assertThat(completed.string("generation_id")).contains(id);
        assertThat(completed.string("status")).contains("succeeded");

        HttpResponse<byte[]> polled = http.get(URI.create(oxen + "/ai/queue/" + id), anyKey);
        assertThat(Http.json(polled).string("status")).contains("succeeded");
        assertThat(Http.json(polled).string("result_url")).contains(completed.string("url").get());
        HttpResponse<byte[]> download = http.get(URI.create(completed.string("url").get()));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(Mp4Header.duration(download.body()).get()).isBetween(Duration.ofMillis(2_200), Duration.ofMillis(2_400));

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void aBadArgumentPrintsUsageAndExitsWith2() throws Exception {
        process = new ProcessBuilder(java(), "-jar", jar.toString(), "--port", "http").redirectErrorStream(true).start();
        String output = CompletableFuture.supplyAsync(() -> Http.unchecked(() -> new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8))).get(60, TimeUnit.SECONDS);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--port needs a number, got http", "usage: java -jar imagine4j-simulator.jar [--port N]");
    }

    @Test
    void theJarRunsOnItsOwnWithoutTestLibrariesBesideTheModulesJar() throws IOException {
        try (JarFile shaded = new JarFile(jar.toFile())) {
            assertThat(shaded.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.imagine4j.testkit.standalone.StandaloneSimulator");
            List<String> names = Collections.list(shaded.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("io/imagine4j/testkit/xai/XaiSimulator.class", "io/imagine4j/testkit/openai/OpenAiSimulator.class",
                    "io/imagine4j/testkit/oxen/OxenSimulator.class", "io/imagine4j/core/model/Mp4Header.class",
                    "io/vavr/control/Option.class", "org/jcodec/api/SequenceEncoder.class");
            assertThat(names).noneMatch(name -> name.startsWith("org/junit/") || name.startsWith("org/assertj/")
                    || name.startsWith("org/opentest4j/") || name.startsWith("io/imagine4j/testkit/junit/"));
        }
        try (var moduleJars = Files.list(jar.getParent())) {
            // The module's own jar, not its sources or Javadoc jar beside it.
            Path moduleJar = moduleJars.filter(path -> path.getFileName().toString().matches("imagine4j-testkit-.*\\.jar"))
                    .filter(path -> !path.getFileName().toString().matches(".*-(sources|javadoc)\\.jar"))
                    .findFirst().orElseThrow();
            try (JarFile plain = new JarFile(moduleJar.toFile())) {
                assertThat(plain.getEntry("io/imagine4j/testkit/junit/SimulatorExtension.class")).isNotNull();
                assertThat(plain.getEntry("org/jcodec/api/SequenceEncoder.class")).as("the module's own jar is not shaded").isNull();
            }
        }
    }

    /** The base URL the jar printed for {@code name}, reading its lines as they come. */
    private URI printedBaseUrl(String name) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (int line = 0; line < 10; line++) {
            String printed = CompletableFuture.supplyAsync(() -> Http.unchecked(out::readLine)).get(60, TimeUnit.SECONDS);
            assertThat(printed).as("the jar printed fewer lines than expected").isNotNull();
            Matcher matcher = BASE_URL.matcher(printed);
            assertThat(matcher.matches()).as(printed).isTrue();
            if (matcher.group(1).equals(name)) {
                return URI.create(matcher.group(2));
            }
        }
        throw new AssertionError("the jar printed no base URL for " + name);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
