package io.imagine4j.benchmarks.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Oxen.ai hub's queue by hand: {@code POST /ai/queue}, then {@code GET /ai/queue/{id}} until
 * the generation is {@code succeeded} (Oxen reports no progress), the result at a public
 * {@code result_url}. The hub also pushes completions over server-sent events; a hand-written
 * client that polls does without them.
 */
final class OxenWire implements RawWire {

    private static final Pattern ID = Pattern.compile("\"generation_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("\"result_url\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public HttpRequest.Builder submit(URI baseUrl, String prompt) {
        String body = "{\"model\":\"xai-grok-imagine-video\",\"prompt\":\"" + prompt + "\"}";
        return HttpRequest.newBuilder(URI.create(baseUrl + "/ai/queue")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Override
    public Optional<String> acceptedId(HttpResponse<String> answer) {
        Matcher id = ID.matcher(answer.body());
        return answer.statusCode() == 200 && id.find() ? Optional.of(id.group(1)) : Optional.empty();
    }

    @Override
    public PollAnswer.Pending initial(HttpResponse<String> answer) {
        return new PollAnswer.Pending(0, Optional.empty());
    }

    @Override
    public HttpRequest.Builder poll(URI baseUrl, String id) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/ai/queue/" + id)).GET();
    }

    @Override
    public PollAnswer read(HttpResponse<String> answer) {
        Matcher status = STATUS.matcher(answer.body());
        String value = status.find() ? status.group(1) : "";
        if (answer.statusCode() != 200) {
            return new PollAnswer.Failed("poll answered HTTP " + answer.statusCode() + ": " + answer.body());
        }
        return switch (value) {
            case "queued", "processing" -> new PollAnswer.Pending(0, Optional.empty());
            case "succeeded" -> {
                Matcher url = URL.matcher(answer.body());
                yield url.find() ? new PollAnswer.Done(Optional.of(url.group(1)))
                        : new PollAnswer.Failed("succeeded without a result_url: " + answer.body());
            }
            default -> new PollAnswer.Failed("the generation is " + value + ": " + answer.body());
        };
    }

    @Override
    public HttpRequest.Builder download(URI baseUrl, String id, PollAnswer.Done done) {
        return HttpRequest.newBuilder(URI.create(done.url().orElseThrow())).GET();
    }

    @Override
    public boolean downloadNeedsKey() {
        return false;
    }
}
