package io.imagine4j.core.model;

import io.vavr.control.Option;
import io.vavr.control.Try;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Where an input image or video comes from: a public URL, a local file, bytes in memory, or a
 * previous result. Local content is typed by its magic bytes, never by its name. A previous result
 * lets edits chain without a re-upload: the adapter sends the cheapest form its provider accepts
 * (the provider's own id, the result URL while it is valid, else the downloaded bytes).
 *
 * <pre>{@code
 * MediaSource clip  = MediaSource.file(Path.of("clip.mp4"));
 * MediaSource image = MediaSource.url("https://example.com/first-frame.png");
 * MediaSource again = MediaSource.of(video);                 // a GeneratedVideo from an earlier job
 * }</pre>
 */
public sealed interface MediaSource {

    /** How the content reaches imagine4j; providers declare which kinds they accept. */
    enum Kind {
        URL("a public URL"),
        FILE("a local file"),
        BYTES("bytes in memory"),
        RESULT("a previous result");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    Kind kind();

    /** A short description for messages: the URL without its query, the path, or the size. */
    String describe();

    /**
     * The content's media type. For a URL this is only known for {@code data:} URIs, from their
     * header; remote content is not fetched. For local content, the magic bytes decide.
     */
    Try<Option<MediaType>> mediaType();

    /** The content's length in bytes where it is known without fetching anything. */
    Try<Option<Long>> size();

    /** A public {@code http(s)} URL, or a {@code data:} URI. */
    static MediaSource url(String uri) {
        return new Url(URI.create(uri));
    }

    static MediaSource url(URI uri) {
        return new Url(uri);
    }

    static MediaSource file(Path path) {
        return new LocalFile(path);
    }

    /** In-memory content; the array is copied. */
    static MediaSource bytes(byte[] data) {
        return new Bytes(data);
    }

    /** A video an earlier job made, with everything known of it (location, expiry, duration). */
    static PreviousResult of(GeneratedVideo video) {
        return new PreviousResult(video.jobId(), Option.some(video));
    }

    /**
     * The result of job {@code jobId}, to be looked up by the service (in this process or its
     * store) before anything is sent; refused while that job has not succeeded.
     */
    static PreviousResult ofJob(JobId jobId) {
        return new PreviousResult(jobId, Option.none());
    }

    /**
     * A video made by an earlier job. {@code video} is empty until the service has looked the job
     * up; once known, its duration is checked like a local video's, and its location's expiry tells
     * the adapter whether the URL can still be sent.
     */
    record PreviousResult(JobId jobId, Option<GeneratedVideo> video) implements MediaSource {
        public PreviousResult {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(video, "video");
            video.forEach(known -> {
                if (!known.jobId().equals(jobId)) {
                    throw new IllegalArgumentException("The video of job " + known.jobId() + " is not the result of job " + jobId);
                }
            });
        }

        @Override
        public Kind kind() {
            return Kind.RESULT;
        }

        @Override
        public String describe() {
            return "the result of job " + jobId;
        }

        @Override
        public Try<Option<MediaType>> mediaType() {
            return Try.success(video.map(GeneratedVideo::mediaType));
        }

        @Override
        public Try<Option<Long>> size() {
            return Try.success(Option.none());
        }

        /** Whether the job has been looked up. */
        public boolean isResolved() {
            return video.isDefined();
        }

        /** The result's length, where known. */
        public Option<java.time.Duration> duration() {
            return video.flatMap(GeneratedVideo::duration);
        }

        /**
         * The result's URL if it is still usable at {@code now}: known, and not expiring within
         * {@code margin} (the provider must fetch it after the submit arrives).
         */
        public Option<URI> locationValidAt(java.time.Instant now, java.time.Duration margin) {
            return video.filter(known -> known.expiresAt().forAll(at -> now.plus(margin).isBefore(at)))
                    .map(GeneratedVideo::location);
        }

        /** This source, with the job's video now known. */
        public PreviousResult resolved(GeneratedVideo known) {
            return new PreviousResult(jobId, Option.some(known));
        }

        @Override
        public String toString() {
            return "PreviousResult[" + jobId + "]";
        }
    }

    /** A remote resource the provider fetches itself. */
    record Url(URI uri) implements MediaSource {
        public Url {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
            if (!web && !(scheme != null && scheme.equalsIgnoreCase("data"))) {
                throw new IllegalArgumentException("A media URL must be http, https or data: " + describe(uri));
            }
            if (web && (uri.getHost() == null || uri.getHost().isBlank())) {
                // "https:fox.png" or "http:/fox.png" parse as URIs, but name no server a provider could fetch from.
                throw new IllegalArgumentException("A media URL must be an absolute http or https URL with a host,"
                        + " or a data: URI: " + describe(uri));
            }
        }

        @Override
        public Kind kind() {
            return Kind.URL;
        }

        public boolean isDataUri() {
            return "data".equalsIgnoreCase(uri.getScheme());
        }

        @Override
        public String describe() {
            return describe(uri);
        }

        /**
         * None for a remote URL (nothing is fetched); for a {@code data:} URI, its content's type by
         * its magic bytes, as for local content, whatever its header says, and a failure when it is
         * not base64 (the only encoding providers take).
         */
        @Override
        public Try<Option<MediaType>> mediaType() {
            if (!isDataUri()) {
                return Try.success(Option.none());
            }
            return dataBytes().map(MagicBytes::sniff);
        }

        @Override
        public Try<Option<Long>> size() {
            if (!isDataUri()) {
                return Try.success(Option.none());
            }
            String ssp = uri.getSchemeSpecificPart();
            int comma = ssp.indexOf(',');
            long encoded = comma < 0 ? 0 : ssp.length() - comma - 1;
            return Try.success(Option.some(encoded * 3 / 4));
        }

        /** The decoded content of a base64 {@code data:} URI. */
        public Try<byte[]> dataBytes() {
            return Try.of(() -> {
                String ssp = uri.getSchemeSpecificPart();
                int comma = ssp.indexOf(',');
                if (!isDataUri() || comma < 0 || !ssp.substring(0, comma).endsWith(";base64")) {
                    throw new IllegalArgumentException("not a base64 data: URI");
                }
                try {
                    return Base64.getDecoder().decode(ssp.substring(comma + 1));
                } catch (IllegalArgumentException notBase64) {
                    throw new IllegalArgumentException("its content is not valid base64", notBase64);
                }
            });
        }

        @Override
        public String toString() {
            return "Url[" + describe() + "]";
        }

        private static String describe(URI uri) {
            if ("data".equalsIgnoreCase(uri.getScheme())) {
                String ssp = uri.getSchemeSpecificPart();
                int comma = ssp.indexOf(',');
                return "data:" + (comma < 0 ? ssp : ssp.substring(0, comma)) + ",…";
            }
            // Queries of signed URLs carry credentials: never print them.
            String text = uri.toString();
            int query = text.indexOf('?');
            return query < 0 ? text : text.substring(0, query) + "?…";
        }
    }

    /** A file on this machine; adapters inline or upload it as the provider requires. */
    record LocalFile(Path path) implements MediaSource {
        public LocalFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Kind kind() {
            return Kind.FILE;
        }

        @Override
        public String describe() {
            return path.toString();
        }

        @Override
        public Try<Option<MediaType>> mediaType() {
            return Try.of(() -> {
                try (InputStream in = Files.newInputStream(path)) {
                    byte[] head = in.readNBytes(MagicBytes.PREFIX_LENGTH);
                    return MagicBytes.sniff(head);
                }
            });
        }

        @Override
        public Try<Option<Long>> size() {
            return Try.of(() -> Option.some(Files.size(path)));
        }

        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    /** Content held in memory. */
    final class Bytes implements MediaSource {
        private final byte[] data;

        Bytes(byte[] data) {
            this.data = Objects.requireNonNull(data, "data").clone();
        }

        @Override
        public Kind kind() {
            return Kind.BYTES;
        }

        /** A copy of the content. */
        public byte[] data() {
            return data.clone();
        }

        public int length() {
            return data.length;
        }

        public InputStream open() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public String describe() {
            return data.length + " bytes";
        }

        @Override
        public Try<Option<MediaType>> mediaType() {
            return Try.success(MagicBytes.sniff(data));
        }

        @Override
        public Try<Option<Long>> size() {
            return Try.success(Option.some((long) data.length));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Bytes[" + describe() + "]";
        }
    }
}
