package io.imagine4j.http.download;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.port.out.ContentTooLargeException;
import io.imagine4j.core.port.out.VideoContent;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.auth.ApiOrigin;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.response.ResponseHeaders;
import io.imagine4j.http.transport.JdkHttpClients;
import io.imagine4j.http.transport.RedirectTarget;
import io.imagine4j.http.transport.StreamingBody;
import io.imagine4j.http.transport.TransportFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;

/**
 * Opens a result's bytes as a core {@link VideoContent} stream, for
 * {@code VideoProvider.openContent}. It has its own JDK client, separate from the authenticated
 * API client, and streams: nothing is buffered beyond a chunk or two, whatever the size.
 * <ul>
 *   <li>{@link #open} fetches a result URL (xAI's {@code video.url}, Oxen's {@code result_url})
 *       with no credential at all, following redirects anywhere;</li>
 *   <li>{@link #openAuthenticated} fetches an API content endpoint (OpenAI's
 *       {@code /videos/{id}/content}) with the key while on the API origin, and without it from the
 *       first redirect that leaves the origin;</li>
 *   <li>from {@code offset > 0} it asks for {@code Range: bytes=offset-}: a 206 with a matching
 *       {@code Content-Range} resumes there, a 200 means the server ignored the range and the
 *       content starts at 0, a 416 starts over from 0;</li>
 *   <li>an announced length above {@link DownloadSettings#maxBytes()} is refused before reading;
 *       a stream that grows past it fails while reading;</li>
 *   <li>401, 403, 404 or 410 from a result URL (or 404/410 from a content endpoint) means the
 *       result is gone: {@code EXPIRED}; 429 and 5xx are classified (transient); I/O trouble is
 *       {@code UNAVAILABLE} (transient), so the core's download loop resumes.</li>
 * </ul>
 *
 * <pre>{@code
 * ResultDownloader downloads = ResultDownloader.create(DownloadSettings.defaults(), ErrorClassifier.forProvider("xAI"));
 * public Either<JobFailure, VideoContent> openContent(GeneratedVideo video, long offset) {
 *     return downloads.open(video.location(), offset);
 * }
 * }</pre>
 */
public final class ResultDownloader {

    private static final int ERROR_BODY_BYTES = 64 * 1024;

    private final HttpClient http;
    private final DownloadSettings settings;
    private final ErrorClassifier classifier;

    private ResultDownloader(HttpClient http, DownloadSettings settings, ErrorClassifier classifier) {
        this.http = http;
        this.settings = settings;
        this.classifier = classifier;
    }

    /** A downloader with its own connection pool; {@code classifier} names the provider in messages. */
    public static ResultDownloader create(DownloadSettings settings, ErrorClassifier classifier) {
        Objects.requireNonNull(settings, "settings");
        return new ResultDownloader(JdkHttpClients.create(settings.connectTimeout()), settings,
                Objects.requireNonNull(classifier, "classifier"));
    }

    /** The bytes at {@code resultUrl} from {@code offset}, fetched without any credential. */
    public Either<JobFailure, VideoContent> open(URI resultUrl, long offset) {
        return fetch(resultUrl, offset, Option.none(), Map.of(), true);
    }

    /**
     * The bytes at {@code contentUrl} from {@code offset}, with {@code credentials} sent only while
     * the request is on their origin.
     */
    public Either<JobFailure, VideoContent> openAuthenticated(URI contentUrl, long offset, ApiCredentials credentials) {
        return openAuthenticated(contentUrl, offset, credentials, Map.of());
    }

    /**
     * As {@link #openAuthenticated(URI, long, ApiCredentials)}, with {@code headers} (an API's extra
     * headers, such as {@code OpenAI-Project}) sent along with the key: only while the request is
     * on the credentials' origin. Credential headers among them are never sent.
     */
    public Either<JobFailure, VideoContent> openAuthenticated(URI contentUrl, long offset, ApiCredentials credentials,
            Map<String, String> headers) {
        Objects.requireNonNull(headers, "headers");
        return fetch(contentUrl, offset, Option.some(Objects.requireNonNull(credentials, "credentials")), headers, true);
    }

    private Either<JobFailure, VideoContent> fetch(URI url, long offset, Option<ApiCredentials> credentials,
            Map<String, String> extraHeaders, boolean mayRestart) {
        Objects.requireNonNull(url, "url");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        URI current = url;
        boolean keyAllowed = credentials.isDefined();
        for (int hop = 0; ; hop++) {
            boolean keySent = keyAllowed && credentials.get().origin().contains(current);
            StreamingBody body = new StreamingBody(settings.idleTimeout());
            HttpResponse<InputStream> response;
            try {
                response = http.send(request(current, offset, keySent ? credentials : Option.none(),
                        keySent ? extraHeaders : Map.of()), info -> body);
            } catch (IOException e) {
                return Either.left(TransportFailure.of(e).toJobFailure(classifier.provider(),
                        "GET " + ApiOrigin.withoutQuery(current)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(JobFailure.of(FailureKind.UNAVAILABLE, "interrupted",
                        "The download from " + ApiOrigin.withoutQuery(current) + " was interrupted."));
            }
            int status = response.statusCode();
            ResponseHeaders headers = ResponseHeaders.of(response.headers().map());
            if (RedirectTarget.isRedirect(status)) {
                body.close();
                Option<URI> next = RedirectTarget.of(current, status, response.headers().firstValue("Location"));
                if (next.isEmpty() || hop >= settings.maxRedirects()) {
                    return Either.left(JobFailure.of(FailureKind.PROTOCOL, "bad_redirect", "The result at "
                            + ApiOrigin.withoutQuery(url) + " redirected " + (next.isEmpty() ? "nowhere usable"
                            : "more than " + settings.maxRedirects() + " times") + " (HTTP " + status + ")."));
                }
                keyAllowed = keyAllowed && credentials.get().origin().contains(next.get());
                current = next.get();
                continue;
            }
            if (status == 416 && offset > 0 && mayRestart) {
                body.close(); // the range no longer fits what the server has: take the whole file again
                return fetch(url, 0, credentials, extraHeaders, false);
            }
            if (status == 200 || status == 206) {
                return content(url, offset, status, headers, body);
            }
            return Either.left(failure(current, status, headers, body.readAtMost(ERROR_BODY_BYTES), keySent));
        }
    }

    private HttpRequest request(URI url, long offset, Option<ApiCredentials> credentials, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .version(JdkHttpClients.versionFor(url))
                .timeout(settings.responseTimeout())
                .header("Accept", "video/mp4, */*")
                .GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        extraHeaders.forEach((name, value) -> {
            if (!ApiCredentials.isCredentialHeader(name)) {
                request.header(name, value);
            }
        });
        credentials.forEach(c -> c.headersFor(url).forEach(request::header));
        return request.build();
    }

    private Either<JobFailure, VideoContent> content(URI url, long offset, int status, ResponseHeaders headers,
            StreamingBody body) {
        Option<Long> length = headers.contentLength();
        long start;
        Option<Long> total;
        if (status == 206) {
            Option<ContentRange> range = headers.first("Content-Range").flatMap(ContentRange::parse);
            if (range.isEmpty() || range.get().first() > offset) {
                body.close();
                return Either.left(JobFailure.of(FailureKind.PROTOCOL, "bad_content_range", "The server of "
                        + ApiOrigin.withoutQuery(url) + " answered a range request from byte " + offset
                        + " with Content-Range '" + headers.first("Content-Range").getOrElse("") + "'."));
            }
            start = range.get().first();
            total = range.get().total().orElse(() -> length.map(l -> range.get().first() + l));
        } else {
            start = 0; // a 200 to a range request: the server ignored the range and sends everything
            total = length;
        }
        if (total.exists(size -> size > settings.maxBytes())) {
            body.close();
            return Either.left(JobFailure.of(FailureKind.PROTOCOL, ContentTooLargeException.CODE, "The result at "
                    + ApiOrigin.withoutQuery(url) + " is " + total.get() + " bytes, above the limit of "
                    + settings.maxBytes() + " bytes; raise DownloadSettings.maxBytes to accept it."));
        }
        body.limitTo(settings.maxBytes() - start);
        // A 206 may start before the asked offset; VideoContent says where, and the core writes from there.
        return Either.right(new VideoContent(body, start, total));
    }

    private JobFailure failure(URI url, int status, ResponseHeaders headers, byte[] errorBody, boolean keySent) {
        boolean gone = keySent ? status == 404 || status == 410
                : status == 401 || status == 403 || status == 404 || status == 410;
        if (gone) {
            return JobFailure.of(FailureKind.EXPIRED, "result_expired", "The result at " + ApiOrigin.withoutQuery(url)
                    + " is no longer available (HTTP " + status + ")"
                    + headers.requestId().map(id -> " (request id " + id + ")").getOrElse("")
                    + "; result URLs are temporary, so submit the job again to get a new one.");
        }
        return classifier.classify(status, headers, errorBody, "GET " + ApiOrigin.withoutQuery(url));
    }
}
