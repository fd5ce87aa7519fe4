package io.imagine4j.cli;

import io.imagine4j.core.model.Mp4Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The runnable jar in fresh JVMs, as a newcomer runs it: no key, no network. */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("imagine4j.cli.jar", "target/imagine4j.jar"));

    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void the_readme_command_produces_a_playable_mp4_and_exits_0(@TempDir Path dir) throws Exception {
        Path fox = dir.resolve("fox.mp4");
        ProcessBuilder builder = new ProcessBuilder(java(), "-Duser.home=" + dir.resolve("home"), "-jar", JAR.toString(), "generate",
                "A red fox running through snow", "-o", fox.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("XAI_") || name.startsWith("OPENAI_")
                || name.startsWith("OXEN_") || name.startsWith("IMAGINE4J_"));
        process = builder.start();
        String output = CompletableFuture.supplyAsync(() -> read(process)).get(2, TimeUnit.MINUTES);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("running on the embedded xAI simulator").contains("Saved " + fox);
        assertThat(Mp4Header.duration(fox).get()).isCloseTo(Duration.ofSeconds(8), Duration.ofMillis(100));
        assertThat(output).doesNotContain("SLF4J");
        assertThat(dir.resolve("home").resolve(".imagine4j").resolve("imagine4j-jobs.db")).exists();
    }

    @Test
    void the_simulator_command_serves_the_three_apis_until_sigterm() throws Exception {
        process = new ProcessBuilder(java(), "-jar", JAR.toString(), "simulator", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(CompletableFuture.supplyAsync(() -> readLine(out)).get(1, TimeUnit.MINUTES));
        }
        assertThat(lines).anyMatch(l -> l.matches("xai +http://127\\.0\\.0\\.1:\\d+/xai/v1"))
                .anyMatch(l -> l.matches("openai +http://127\\.0\\.0\\.1:\\d+/openai/v1"))
                .anyMatch(l -> l.matches("oxen +http://127\\.0\\.0\\.1:\\d+/oxen/api"));
        URI xai = URI.create(lines.stream().filter(l -> l.startsWith("xai")).findFirst().get().split(" +")[1]);
        HttpResponse<String> models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(xai + "/video-generation-models"))
                .header("Authorization", "Bearer any").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            if (line == null) {
                throw new AssertionError("the simulator printed fewer than three base URLs");
            }
            return line;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
