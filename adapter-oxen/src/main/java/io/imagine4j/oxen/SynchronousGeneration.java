package io.imagine4j.oxen;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.job.JobUpdate;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.port.out.SubmitOutcome;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.SecretScrubber;
import io.imagine4j.http.call.SubmitCall;
import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.http.response.ResponseHeaders;
import io.imagine4j.http.transport.JdkHttpClients;
import io.imagine4j.http.transport.StreamingBody;
import io.imagine4j.http.transport.TransportFailure;
import io.imagine4j.oxen.wire.GenerationBody;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * {@code POST /ai/videos/generate}: the request itself waits for the video (Oxen documents 1–15
 * minutes), so it gets a read timeout of its own, and it is a submit like any other: sent once,
 * refused only when it surely started nothing ({@link SubmitCall}'s line), ambiguous otherwise. Its
 * answer is read as it arrives with Jackson's streaming parser: a {@code url}, or the video itself in
 * {@code b64_json}, decoded by the parser straight into a file of the results directory, so a video
 * is never held whole in memory. The job it answers is already SUCCEEDED.
 *
 * <p>The JDK client rather than Feign: Feign's answer reading buffers bodies, and this one may be a
 * whole video.
 */
final class SynchronousGeneration {

    private static final int ERROR_BODY_BYTES = 16 * 1024;

    private final URI endpoint;
    private final ApiCredentials credentials;
    private final SubmitCall submits;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;
    private final Path resultsDirectory;

    SynchronousGeneration(URI baseUrl, ApiCredentials credentials, SubmitCall submits, ObjectMapper json,
            Duration connectTimeout, Duration timeout, Path resultsDirectory) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/ai/videos/generate");
        this.credentials = credentials;
        this.submits = submits;
        this.json = json;
        this.http = JdkHttpClients.create(connectTimeout, JdkHttpClients.versionFor(baseUrl));
        this.timeout = timeout;
        this.resultsDirectory = resultsDirectory;
    }

    /** Sends {@code body} once, answering the video in {@code format} ({@code url} or {@code b64_json}) as job {@code id}. */
    SubmitOutcome generate(JobId id, GenerationBody body, String format) {
        byte[] request;
        try {
            request = json.writeValueAsBytes(body.synchronous(format));
        } catch (JsonProcessingException e) {
            return new SubmitOutcome.Refused(JobFailure.of(FailureKind.INVALID_REQUEST, "encode_failed",
                    "The request could not be written as JSON, so nothing was sent: " + SecretScrubber.scrub(e.getOriginalMessage(), 200)));
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(endpoint)
                .version(JdkHttpClients.versionFor(endpoint))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request));
        credentials.headersFor(endpoint).forEach(post::header);
        String what = "POST " + endpoint;
        HttpResponse<InputStream> response;
        try {
            response = http.send(post.build(), info -> new StreamingBody(timeout));
        } catch (IOException e) {
            TransportFailure failure = TransportFailure.of(e);
            JobFailure reported = failure.toJobFailure("Oxen", what);
            return failure.delivery() == TransportFailure.Delivery.NOT_SENT ? new SubmitOutcome.Refused(reported)
                    : new SubmitOutcome.Ambiguous(reported);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SubmitOutcome.Ambiguous(JobFailure.of(FailureKind.UNAVAILABLE, "interrupted",
                    "The synchronous generate was interrupted after it was sent; whether Oxen made the video is unknown."));
        }
        try (InputStream answer = response.body()) {
            if (response.statusCode() / 100 != 2) {
                return submits.outcomeOf(ApiResponse.<JsonNode>of(response.statusCode(),
                        ResponseHeaders.of(response.headers().map()), answer.readNBytes(ERROR_BODY_BYTES), JsonNode.class, json, what));
            }
            Option<Integer> seconds = Option.of(body.parameters().get("duration")).filter(Number.class::isInstance)
                    .map(value -> ((Number) value).intValue());
            return read(answer, id, seconds).<SubmitOutcome>map(video -> new SubmitOutcome.Accepted(id,
                    JobUpdate.succeeded(video.withDetail("model", body.model()), "succeeded")))
                    .getOrElseGet(SubmitOutcome.Ambiguous::new);
        } catch (IOException e) {
            return new SubmitOutcome.Ambiguous(JobFailure.of(FailureKind.UNAVAILABLE, TransportFailure.of(e).code(),
                    "Oxen answered the synchronous generate, but its answer broke off (" + TransportFailure.of(e).description()
                            + "): the video was made and may have been billed, but could not be read."));
        }
    }

    /** The first video of {@code {"model","created","videos":[{"url"} or {"b64_json"}]}}. */
    private Either<JobFailure, GeneratedVideo> read(InputStream answer, JobId id, Option<Integer> seconds) throws IOException {
        Option<GeneratedVideo> video = Option.none();
        try (JsonParser parser = json.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Either.left(unreadable("it is not a JSON object"));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("videos".equals(name) && value == JsonToken.START_ARRAY) {
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY && item != null; item = parser.nextToken()) {
                        if (item == JsonToken.START_OBJECT && video.isEmpty()) {
                            video = readVideo(parser, id);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            return Either.left(unreadable(SecretScrubber.scrub(e.getOriginalMessage(), 160)));
        }
        return video.map(found -> seconds.filter(s -> found.duration().isEmpty()).map(s -> found.withDuration(Duration.ofSeconds(s)))
                .getOrElse(found)).toEither(() -> unreadable("it holds no video"));
    }

    /** One entry of {@code videos}; the parser is on its {@code START_OBJECT}, and is left on its {@code END_OBJECT}. */
    private Option<GeneratedVideo> readVideo(JsonParser parser, JobId id) throws IOException {
        Option<GeneratedVideo> video = Option.none();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (video.isEmpty() && value == JsonToken.VALUE_STRING && "url".equals(field)) {
                video = Option.some(GeneratedVideo.at(id, URI.create(parser.getText().strip())));
            } else if (video.isEmpty() && value == JsonToken.VALUE_STRING && "b64_json".equals(field)) {
                video = Option.some(saved(parser, id));
            } else {
                parser.skipChildren();
            }
        }
        return video;
    }

    /** Decodes the base64 string the parser is on into a file, chunk by chunk as it arrives. */
    private GeneratedVideo saved(JsonParser parser, JobId id) throws IOException {
        Files.createDirectories(resultsDirectory);
        Path file = resultsDirectory.resolve("oxen-" + id.value() + ".mp4");
        Path part = resultsDirectory.resolve("oxen-" + id.value() + ".mp4.part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
                // The token was not read yet, so the parser decodes from its input buffer to the file as it goes.
                parser.readBinaryValue(out);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        GeneratedVideo video = GeneratedVideo.at(id, file.toUri());
        return Mp4Header.duration(file).map(video::withDuration).getOrElse(video);
    }

    private static JobFailure unreadable(String why) {
        return JobFailure.of(FailureKind.PROTOCOL, "malformed_json", "Oxen answered the synchronous generate, but its answer"
                + " could not be read (" + why + "): the video was made and may have been billed, but cannot be collected.");
    }
}
