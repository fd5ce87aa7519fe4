package io.imagine4j.benchmarks.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's videos API by hand: {@code POST /videos} as multipart (as OpenAI's docs and SDKs send
 * it, and as imagine4j does by default), {@code GET /videos/{id}} with status, progress and the
 * {@code openai-poll-after-ms} hint, the result at {@code GET /videos/{id}/content} with the key.
 */
final class OpenAiWire implements RawWire {

    private static final String BOUNDARY = "----raw-http-boundary-7MA4YWxkTrZu0gW";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PROGRESS = Pattern.compile("\"progress\"\\s*:\\s*(\\d+)");

    @Override
    public HttpRequest.Builder submit(URI baseUrl, String prompt) {
        String body = part("model", "sora-2") + part("prompt", prompt) + part("seconds", "4") + "--" + BOUNDARY + "--\r\n";
        return HttpRequest.newBuilder(URI.create(baseUrl + "/videos"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @Override
    public Optional<String> acceptedId(HttpResponse<String> answer) {
        Matcher id = ID.matcher(answer.body());
        return answer.statusCode() == 200 && id.find() ? Optional.of(id.group(1)) : Optional.empty();
    }

    @Override
    public PollAnswer.Pending initial(HttpResponse<String> answer) {
        Matcher progress = PROGRESS.matcher(answer.body());
        return new PollAnswer.Pending(progress.find() ? Integer.parseInt(progress.group(1)) : 0, hint(answer));
    }

    private static Optional<Duration> hint(HttpResponse<String> answer) {
        return answer.headers().firstValue("openai-poll-after-ms").map(ms -> Duration.ofMillis(Long.parseLong(ms.trim())));
    }

    @Override
    public HttpRequest.Builder poll(URI baseUrl, String id) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/videos/" + id)).GET();
    }

    @Override
    public PollAnswer read(HttpResponse<String> answer) {
        Matcher status = STATUS.matcher(answer.body());
        String value = status.find() ? status.group(1) : "";
        if (answer.statusCode() != 200) {
            return new PollAnswer.Failed("poll answered HTTP " + answer.statusCode() + ": " + answer.body());
        }
        return switch (value) {
            case "queued", "in_progress" -> {
                Matcher progress = PROGRESS.matcher(answer.body());
                yield new PollAnswer.Pending(progress.find() ? Integer.parseInt(progress.group(1)) : 0, hint(answer));
            }
            case "completed" -> new PollAnswer.Done(Optional.empty());
            default -> new PollAnswer.Failed("the video is " + value + ": " + answer.body());
        };
    }

    @Override
    public HttpRequest.Builder download(URI baseUrl, String id, PollAnswer.Done done) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/videos/" + id + "/content")).GET();
    }

    @Override
    public boolean downloadNeedsKey() {
        return true;
    }
}
