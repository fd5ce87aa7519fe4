package io.imagine4j.store.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.EditVideo;
import io.imagine4j.core.model.ExtendVideo;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.ImageToVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.RemixVideo;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.TextToVideo;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.store.jdbc.wire.StoredOptions;
import io.imagine4j.store.jdbc.wire.StoredRequest;
import io.imagine4j.store.jdbc.wire.StoredSource;
import io.imagine4j.store.jdbc.wire.StoredValue;
import io.imagine4j.store.jdbc.wire.StoredVideo;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests to JSON and back, for the store's {@code request} column. Every request kind, every
 * input and every option survives, exactly (extras keep their Java type), so that a resumed job
 * sends what was asked. Content never enters the store: a local file is kept as its path and
 * hash, and reading it back checks the file still holds that content; bytes that were in memory
 * are kept as hash and size only. A request that cannot be sent again as it was reads back as
 * the reason why, never as something else.
 *
 * <p>Written with Jackson's data binding over the {@code wire} records: the tagged unions need
 * nothing more, and the records document the stored shape.
 */
final class RequestCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // rows written by a newer version
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)          // StoredValue.Null is its tag alone
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final FileDigests files;

    RequestCodec(FileDigests files) {
        this.files = files;
    }

    /**
     * The request as JSON.
     *
     * @throws IllegalArgumentException when an extra is neither a JSON value nor a {@link MediaSource}
     */
    String encode(VideoRequest request) {
        StoredRequest stored = new StoredRequest(StoredRequest.FORMAT, request.kind().name(), request.prompt(),
                request.input().map(this::source).getOrNull(), options(request.options()));
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored form of a request could not be written", e);
        }
    }

    /**
     * The request {@code json} holds, or why it cannot be sent again as it was (an input that was
     * in memory, a file that changed or is gone).
     *
     * @throws IllegalArgumentException when {@code json} is not a stored request
     */
    Either<String, VideoRequest> decode(String json) {
        StoredRequest stored;
        try {
            stored = JSON.readValue(json, StoredRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored request: " + e.getOriginalMessage(), e);
        }
        if (stored.format() > StoredRequest.FORMAT) {
            throw new IllegalArgumentException("a stored request of format " + stored.format()
                    + ", written by a newer imagine4j; this one reads up to " + StoredRequest.FORMAT);
        }
        RequestKind kind = RequestKind.valueOf(stored.kind());
        String prompt = require(stored.prompt(), "prompt");
        return options(stored.options() == null ? emptyOptions() : stored.options()).flatMap(options -> {
            if (kind == RequestKind.TEXT_TO_VIDEO) {
                return Either.right(new TextToVideo(prompt, options));
            }
            return source(require(stored.input(), "input")).map(input -> switch (kind) {
                case IMAGE_TO_VIDEO -> new ImageToVideo(prompt, input, options);
                case EDIT -> new EditVideo(prompt, input, options);
                case EXTEND -> new ExtendVideo(prompt, input, options);
                case REMIX -> remix(prompt, input, options);
                case TEXT_TO_VIDEO -> throw new IllegalStateException("handled above");
            });
        });
    }

    // ---- to the stored form ----

    private StoredOptions options(VideoOptions options) {
        Map<String, StoredValue> extras = new LinkedHashMap<>();
        options.extras().forEach((name, value) -> extras.put(name, value(name, value)));
        return new StoredOptions(options.model().getOrNull(), options.duration().map(Duration::toString).getOrNull(),
                options.aspectRatio().map(AspectRatio::toString).getOrNull(),
                options.resolution().map(Resolution::name).getOrNull(), options.audio().getOrNull(),
                options.endUser().getOrNull(), options.generations().getOrNull(), options.seed().getOrNull(),
                extras.isEmpty() ? null : extras);
    }

    private StoredSource source(MediaSource source) {
        if (source instanceof MediaSource.Url url) {
            return new StoredSource.Url(url.uri().toString());
        }
        if (source instanceof MediaSource.LocalFile file) {
            Option<FileDigests.Fingerprint> seen = files.of(file.path());
            return new StoredSource.File(file.path().toString(), seen.map(FileDigests.Fingerprint::sha256).getOrNull(),
                    seen.map(FileDigests.Fingerprint::size).getOrNull());
        }
        if (source instanceof MediaSource.Bytes bytes) {
            FileDigests.Fingerprint seen = FileDigests.of(bytes.data());
            return new StoredSource.Bytes(seen.sha256(), seen.size());
        }
        MediaSource.PreviousResult previous = (MediaSource.PreviousResult) source;
        return new StoredSource.Result(previous.jobId().toString(), previous.video().map(RequestCodec::video).getOrNull());
    }

    private static StoredVideo video(GeneratedVideo video) {
        return new StoredVideo(video.jobId().toString(), video.location().toString(), video.mediaType().name(),
                video.duration().map(Duration::toString).getOrNull(), video.expiresAt().map(Instant::toString).getOrNull(),
                video.costUsd().map(BigDecimal::toString).getOrNull(),
                video.details().isEmpty() ? null : new TreeMap<>(video.details())); // sorted: the same video, the same JSON
    }

    private StoredValue value(String path, Object value) {
        if (value == null) {
            return new StoredValue.Null();
        }
        if (value instanceof String || value instanceof CharSequence || value instanceof Character
                || value instanceof Enum<?>) {
            return new StoredValue.Text(value instanceof Enum<?> constant ? constant.name() : value.toString());
        }
        if (value instanceof Boolean flag) {
            return new StoredValue.Flag(flag);
        }
        if (value instanceof Number number) {
            return number(path, number);
        }
        if (value instanceof MediaSource source) {
            return new StoredValue.Media(source(source));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, StoredValue> fields = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw notStorable(path, "a map whose key " + entry.getKey() + " is not text");
                }
                fields.put(name, value(path + "." + name, entry.getValue()));
            }
            return new StoredValue.MapOf(fields);
        }
        if (value instanceof Collection<?> items) {
            List<StoredValue> stored = new ArrayList<>(items.size());
            for (Object item : items) {
                stored.add(value(path + "[" + stored.size() + "]", item));
            }
            return new StoredValue.ListOf(stored);
        }
        if (value.getClass().isArray()) {
            List<StoredValue> stored = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                stored.add(value(path + "[" + i + "]", Array.get(value, i)));
            }
            return new StoredValue.ListOf(stored);
        }
        throw notStorable(path, "a " + value.getClass().getName());
    }

    private static StoredValue number(String path, Number number) {
        if (number instanceof Integer i) {
            return new StoredValue.Int32(i);
        }
        if (number instanceof Long l) {
            return new StoredValue.Int64(l);
        }
        if (number instanceof Double d) {
            return new StoredValue.Float64(Double.toString(d));
        }
        if (number instanceof BigDecimal d) {
            return new StoredValue.Decimal(d.toString());
        }
        if (number instanceof BigInteger i) {
            return new StoredValue.Integral(i.toString());
        }
        if (number instanceof Float f) {
            return new StoredValue.Float32(Float.toString(f));
        }
        if (number instanceof Short s) {
            return new StoredValue.Int16(s);
        }
        if (number instanceof Byte b) {
            return new StoredValue.Int8(b);
        }
        throw notStorable(path, "a " + number.getClass().getName() + " (use Integer, Long, Double or BigDecimal)");
    }

    private static IllegalArgumentException notStorable(String path, String what) {
        return new IllegalArgumentException("The provider extra '" + path + "' holds " + what
                + ", which is neither a JSON value nor a MediaSource, so the job cannot be stored to be resumed.");
    }

    // ---- back from the stored form ----

    private Either<String, VideoOptions> options(StoredOptions stored) {
        Either<String, Map<String, Object>> extras = Either.right(new LinkedHashMap<>());
        if (stored.extras() != null) {
            for (Map.Entry<String, StoredValue> extra : stored.extras().entrySet()) {
                extras = extras.flatMap(sofar -> value(extra.getValue()).map(value -> {
                    sofar.put(extra.getKey(), value);
                    return sofar;
                }));
            }
        }
        return extras.map(values -> new VideoOptions(Option.of(stored.model()), Option.of(stored.duration()).map(Duration::parse),
                Option.of(stored.aspectRatio()).map(AspectRatio::parse), Option.of(stored.resolution()).map(Resolution::parse),
                Option.of(stored.audio()), Option.of(stored.endUser()), Option.of(stored.generations()),
                Option.of(stored.seed()), values));
    }

    private Either<String, MediaSource> source(StoredSource stored) {
        if (stored instanceof StoredSource.Url url) {
            return Either.right(MediaSource.url(require(url.uri(), "uri")));
        }
        if (stored instanceof StoredSource.File file) {
            Path path = Path.of(require(file.path(), "path"));
            if (file.sha256() == null) {
                return Either.left("the file " + path + " could not be read when the job was recorded");
            }
            return files.of(path).toEither(() -> "the file " + path + " is gone or unreadable")
                    .filterOrElse(now -> now.sha256().equals(file.sha256()),
                            now -> "the file " + path + " has changed since the job was recorded")
                    .map(now -> MediaSource.file(path));
        }
        if (stored instanceof StoredSource.Bytes bytes) {
            return Either.left("its input was " + bytes.size() + " bytes in memory, which are not stored");
        }
        StoredSource.Result result = (StoredSource.Result) stored;
        JobId jobId = JobId.parse(require(result.jobId(), "jobId"));
        return Either.right(new MediaSource.PreviousResult(jobId, Option.of(result.video()).map(RequestCodec::video)));
    }

    private static GeneratedVideo video(StoredVideo stored) {
        return new GeneratedVideo(JobId.parse(require(stored.jobId(), "jobId")), URI.create(require(stored.location(), "location")),
                MediaType.valueOf(require(stored.mediaType(), "mediaType")), Option.of(stored.duration()).map(Duration::parse),
                Option.of(stored.expiresAt()).map(Instant::parse), Option.of(stored.costUsd()).map(BigDecimal::new),
                stored.details() == null ? Map.of() : stored.details());
    }

    private Either<String, Object> value(StoredValue stored) {
        if (stored instanceof StoredValue.Media media) {
            return source(require(media.media(), "media")).map(source -> source);
        }
        if (stored instanceof StoredValue.ListOf list) {
            Either<String, List<Object>> items = Either.right(new ArrayList<>());
            for (StoredValue item : require(list.items(), "items")) {
                items = items.flatMap(sofar -> value(item).map(value -> {
                    sofar.add(value);
                    return sofar;
                }));
            }
            return items.map(values -> (Object) Collections.unmodifiableList(values));
        }
        if (stored instanceof StoredValue.MapOf map) {
            Either<String, Map<String, Object>> fields = Either.right(new LinkedHashMap<>());
            for (Map.Entry<String, StoredValue> field : require(map.fields(), "fields").entrySet()) {
                fields = fields.flatMap(sofar -> value(field.getValue()).map(value -> {
                    sofar.put(field.getKey(), value);
                    return sofar;
                }));
            }
            return fields.map(values -> (Object) Collections.unmodifiableMap(values));
        }
        return Either.right(scalar(stored));
    }

    private static Object scalar(StoredValue stored) {
        if (stored instanceof StoredValue.Text text) {
            return require(text.value(), "value");
        }
        if (stored instanceof StoredValue.Flag flag) {
            return flag.value();
        }
        if (stored instanceof StoredValue.Int32 i) {
            return i.value();
        }
        if (stored instanceof StoredValue.Int64 l) {
            return l.value();
        }
        if (stored instanceof StoredValue.Float64 d) {
            return Double.valueOf(require(d.value(), "value"));
        }
        if (stored instanceof StoredValue.Decimal d) {
            return new BigDecimal(require(d.value(), "value"));
        }
        if (stored instanceof StoredValue.Integral i) {
            return new BigInteger(require(i.value(), "value"));
        }
        if (stored instanceof StoredValue.Float32 f) {
            return Float.valueOf(require(f.value(), "value"));
        }
        if (stored instanceof StoredValue.Int16 s) {
            return s.value();
        }
        if (stored instanceof StoredValue.Int8 b) {
            return b.value();
        }
        return null; // StoredValue.Null
    }

    private static RemixVideo remix(String prompt, MediaSource input, VideoOptions options) {
        if (!(input instanceof MediaSource.PreviousResult previous)) {
            throw new IllegalArgumentException("a stored remix whose input is " + input.kind().description());
        }
        return new RemixVideo(prompt, previous, options);
    }

    private static StoredOptions emptyOptions() {
        return new StoredOptions(null, null, null, null, null, null, null, null, null);
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("a stored request without its " + field);
        }
        return value;
    }
}
