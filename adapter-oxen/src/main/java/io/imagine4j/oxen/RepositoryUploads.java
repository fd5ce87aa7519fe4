package io.imagine4j.oxen;

import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.MagicBytes;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.http.auth.ApiCredentials;
import io.imagine4j.http.error.ErrorClassifier;
import io.imagine4j.http.response.ResponseHeaders;
import io.imagine4j.http.transport.JdkHttpClients;
import io.imagine4j.http.transport.StreamingBody;
import io.imagine4j.http.transport.TransportFailure;
import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Uploads local inputs to the configured {@link OxenRepository} with the file API's
 * {@code PUT /repos/{ns}/{repo}/file/{branch}/{directory}} (multipart, field {@code files[]}), and
 * answers the URL Oxen serves the file at. A file is named by its content's SHA-256, so the same
 * content is uploaded once per process and a retried upload lands on the same path.
 *
 * <p>Written against the JDK client rather than Feign: Feign holds a request body in memory as one
 * array, while a video is streamed from disk here ({@code BodyPublishers.ofFile}); the multipart
 * framing around it is a few lines.
 */
final class RepositoryUploads {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryUploads.class);
    private static final int ERROR_BODY_BYTES = 16 * 1024;
    private static final int HASH_CHARS = 32;

    private final URI baseUrl;
    private final OxenRepository repository;
    private final ApiCredentials credentials;
    private final ErrorClassifier errors;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, URI> uploaded = new ConcurrentHashMap<>();

    RepositoryUploads(URI baseUrl, OxenRepository repository, ApiCredentials credentials, ErrorClassifier errors,
            Duration connectTimeout, Duration timeout) {
        this.baseUrl = baseUrl;
        this.repository = repository;
        this.credentials = credentials;
        this.errors = errors;
        this.http = JdkHttpClients.create(connectTimeout, JdkHttpClients.versionFor(baseUrl));
        this.timeout = timeout;
    }

    OxenRepository repository() {
        return repository;
    }

    /** Uploads the file at {@code path}, streamed from disk. */
    Either<JobFailure, URI> upload(Path path) {
        return contentName(path).flatMap(fileName -> {
            try {
                return send(fileName, HttpRequest.BodyPublishers.ofFile(path));
            } catch (IOException e) {
                return Either.left(unreadable(path.toString(), e));
            }
        });
    }

    /** Uploads {@code content}. */
    Either<JobFailure, URI> upload(byte[] content) {
        String fileName = name(digest(content), MagicBytes.sniff(content));
        return send(fileName, HttpRequest.BodyPublishers.ofByteArray(content));
    }

    private Either<JobFailure, String> contentName(Path path) {
        try (InputStream head = Files.newInputStream(path); InputStream whole = Files.newInputStream(path)) {
            return Either.right(name(digest(whole), MagicBytes.sniff(head.readNBytes(MagicBytes.PREFIX_LENGTH))));
        } catch (IOException e) {
            return Either.left(unreadable(path.toString(), e));
        }
    }

    private Either<JobFailure, URI> send(String fileName, HttpRequest.BodyPublisher content) {
        URI target = fileUrl(fileName);
        URI known = uploaded.get(fileName);
        if (known != null) {
            return Either.right(known);
        }
        URI directoryUrl = resourceUrl(repository.directory());
        String boundary = "imagine4j-" + UUID.randomUUID();
        String type = typeOf(fileName);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nimagine4j input "
                + fileName + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(directoryUrl)
                .version(JdkHttpClients.versionFor(directoryUrl))
                .timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        content, HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)));
        credentials.headersFor(directoryUrl).forEach(request::header);
        String what = "PUT " + directoryUrl;
        try {
            HttpResponse<InputStream> response = http.send(request.build(), info -> new StreamingBody(timeout));
            try (InputStream body = response.body()) {
                byte[] answer = body.readNBytes(ERROR_BODY_BYTES);
                if (response.statusCode() / 100 != 2) {
                    JobFailure failure = errors.classify(response.statusCode(), ResponseHeaders.of(response.headers().map()),
                            answer, what);
                    return Either.left(failure.withMessage("The input could not be uploaded to the Oxen repository "
                            + repository + ", so nothing was enqueued. " + failure.message()));
                }
            }
        } catch (IOException e) {
            return Either.left(TransportFailure.of(e).toJobFailure(errors.provider(), what)
                    .withMessage("The input could not be uploaded to the Oxen repository " + repository
                            + ", so nothing was enqueued (" + TransportFailure.of(e).description() + "); try again."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(JobFailure.of(FailureKind.UNAVAILABLE, "interrupted", "The upload to " + repository
                    + " was interrupted, so nothing was enqueued."));
        }
        LOG.debug("uploaded an input to {} as {}", repository, fileName);
        uploaded.put(fileName, target);
        return Either.right(target);
    }

    /** {@code {base}/repos/{ns}/{repo}/file/{branch}/{directory}/{name}}: where Oxen serves the file. */
    URI fileUrl(String fileName) {
        return resourceUrl(repository.directory().isEmpty() ? fileName : repository.directory() + "/" + fileName);
    }

    private URI resourceUrl(String path) {
        String encoded = Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty())
                .map(RepositoryUploads::encode).collect(Collectors.joining("/"));
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString().substring(0, baseUrl.toString().length() - 1)
                : baseUrl.toString();
        return URI.create(base + "/repos/" + encode(repository.namespace()) + "/" + encode(repository.repo()) + "/file/"
                + encode(repository.branch()) + (encoded.isEmpty() ? "" : "/" + encoded));
    }

    private static String name(byte[] digest, io.vavr.control.Option<MediaType> type) {
        return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS) + "." + type.map(RepositoryUploads::extension).getOrElse("bin");
    }

    private static String extension(MediaType type) {
        return switch (type) {
            case PNG -> "png";
            case JPEG -> "jpg";
            case WEBP -> "webp";
            case GIF -> "gif";
            case MP4 -> "mp4";
            case QUICKTIME -> "mov";
            case WEBM -> "webm";
        };
    }

    private static String typeOf(String fileName) {
        for (MediaType type : MediaType.values()) {
            if (fileName.endsWith("." + extension(type))) {
                return type.mime();
            }
        }
        return "application/octet-stream";
    }

    private static byte[] digest(byte[] content) {
        return sha256().digest(content);
    }

    private static byte[] digest(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] chunk = new byte[64 * 1024];
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            digest.update(chunk, 0, read);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static JobFailure unreadable(String what, IOException e) {
        return JobFailure.of(FailureKind.INVALID_REQUEST, "unreadable_input", "The input " + what + " could not be read to upload it ("
                + e.getClass().getSimpleName() + "); check the file.");
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
