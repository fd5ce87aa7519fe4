package io.imagine4j.testkit.standalone;

import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.testkit.json.JsonObject;
import io.imagine4j.testkit.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
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
            assertThat(names).contains("io/imagine4j/testkit/xai/XaiSimulator.class", "io/imagine4j/testkit/openai/OpenAiSimulator.class", "io/imagine4j/core/model/Mp4Header.class",
                    "io/vavr/control/Option.class", "org/jcodec/api/SequenceEncoder.class");
            assertThat(names).noneMatch(name -> name.startsWith("org/junit/") || name.startsWith("org/assertj/")
                    || name.startsWith("org/opentest4j/") || name.startsWith("io/imagine4j/testkit/junit/"));
        }
        try (var moduleJars = Files.list(jar.getParent())) {
            Path moduleJar = moduleJars.filter(path -> path.getFileName().toString().matches("imagine4j-testkit-.*\\.jar"))
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
