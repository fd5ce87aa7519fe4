package io.imagine4j.benchmarks.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xAI's video API by hand: {@code POST /videos/generations}, {@code GET /videos/{id}} (202 with
 * progress while pending), results at a public URL.
 */
final class XaiWire implements RawWire {

    private static final Pattern REQUEST_ID = Pattern.compile("\"request_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PROGRESS = Pattern.compile("\"progress\"\\s*:\\s*(\\d+)");
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]*)\"");

    @Override
    public HttpRequest.Builder submit(URI baseUrl, String prompt) {
        String body = "{\"model\":\"grok-imagine-video\",\"prompt\":\"" + prompt + "\"}";
        return HttpRequest.newBuilder(URI.create(baseUrl + "/videos/generations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Override
    public Optional<String> acceptedId(HttpResponse<String> answer) {
        Matcher id = REQUEST_ID.matcher(answer.body());
        return answer.statusCode() == 200 && id.find() ? Optional.of(id.group(1)) : Optional.empty();
    }

    @Override
    public PollAnswer.Pending initial(HttpResponse<String> answer) {
        return new PollAnswer.Pending(0, Optional.empty());
    }

    @Override
    public HttpRequest.Builder poll(URI baseUrl, String id) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/videos/" + id)).GET();
    }

    @Override
    public PollAnswer read(HttpResponse<String> answer) {
        Matcher status = STATUS.matcher(answer.body());
        String value = status.find() ? status.group(1) : "";
        if (answer.statusCode() == 202 || value.equals("pending")) {
            Matcher progress = PROGRESS.matcher(answer.body());
            return new PollAnswer.Pending(progress.find() ? Integer.parseInt(progress.group(1)) : 0, Optional.empty());
        }
        if (answer.statusCode() == 200 && value.equals("done")) {
            Matcher url = URL.matcher(answer.body());
            return url.find() && !url.group(1).isEmpty() ? new PollAnswer.Done(Optional.of(url.group(1)))
                    : new PollAnswer.Failed("done without a url: " + answer.body());
        }
        return new PollAnswer.Failed("poll answered HTTP " + answer.statusCode() + ": " + answer.body());
    }

    @Override
    public HttpRequest.Builder download(URI baseUrl, String id, PollAnswer.Done done) {
        // No credential: result URLs are public links on another host in real life.
        return HttpRequest.newBuilder(URI.create(done.url().orElseThrow())).GET();
    }

    @Override
    public boolean downloadNeedsKey() {
        return false;
    }
}
