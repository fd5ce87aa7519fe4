package io.imagine4j.store.jdbc;

import io.imagine4j.core.model.AspectRatio;
import io.imagine4j.core.model.EditVideo;
import io.imagine4j.core.model.ExtendVideo;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.ImageToVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.MediaType;
import io.imagine4j.core.model.RemixVideo;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.TextToVideo;
import io.imagine4j.core.model.VideoOptions;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated requests over the whole request space: every kind, every kind of input (a local file
 * among {@code files}), every option set or not, extras of every JSON type nested, and inputs
 * among the extras. In-memory bytes only where asked for, since they cannot come back.
 */
final class RequestArbitraries {

    private final List<Path> files;

    private RequestArbitraries(List<Path> files) {
        this.files = files;
    }

    /** Requests that can be sent again as they were: no input in memory. */
    static Arbitrary<VideoRequest> resendable(List<Path> files) {
        return new RequestArbitraries(files).requests();
    }

    /** Requests of which some input, or extra, was bytes in memory. */
    static Arbitrary<VideoRequest> holdingBytes(List<Path> files) {
        RequestArbitraries any = new RequestArbitraries(files);
        Arbitrary<MediaSource> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(MediaSource::bytes);
        Arbitrary<VideoRequest> asInput = Combinators.combine(any.prompts(), bytes, any.options(), Arbitraries.integers().between(0, 2))
                .as((prompt, input, options, kind) -> kind == 0 ? new ImageToVideo(prompt, input, options)
                        : kind == 1 ? new EditVideo(prompt, input, options) : new ExtendVideo(prompt, input, options));
        Arbitrary<VideoRequest> asExtra = Combinators.combine(any.requests(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), bytes)
                .as((request, name, input) -> request.with(o -> o.withExtra("bytes-" + name, List.of(input))));
        return Arbitraries.oneOf(asInput, asExtra);
    }

    private Arbitrary<VideoRequest> requests() {
        Arbitrary<String> prompts = prompts();
        Arbitrary<VideoOptions> options = options();
        return Arbitraries.oneOf(
                Combinators.combine(prompts, options).as(TextToVideo::new),
                Combinators.combine(prompts, sources(), options).as(ImageToVideo::new),
                Combinators.combine(prompts, sources(), options).as(EditVideo::new),
                Combinators.combine(prompts, sources(), options).as(ExtendVideo::new),
                Combinators.combine(prompts, previousResults(), options).as(RemixVideo::new));
    }

    private Arbitrary<String> prompts() {
        // Any text a JSON string and both databases hold: the BMP without surrogates, plus emoji.
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(60),
                Arbitraries.of("🦊 in the snow", "", "\"quoted\" \\ back\\slash", "line\nbreak"));
    }

    private Arbitrary<VideoOptions> options() {
        Arbitrary<Option<String>> model = optional(Arbitraries.strings().ofMinLength(1).ofMaxLength(20).alpha().numeric().withChars("-._"));
        Arbitrary<Option<Duration>> duration = optional(Arbitraries.longs().between(-1_000_000_000L, 120_000_000_000L).map(Duration::ofNanos));
        Arbitrary<Option<AspectRatio>> ratio = optional(Combinators.combine(Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(1, 64)).as(AspectRatio::new));
        Arbitrary<Option<Resolution>> resolution = optional(Arbitraries.oneOf(Arbitraries.of(Resolution.AUTO, Resolution.P720),
                Arbitraries.integers().between(100, 4320).map(lines -> new Resolution(lines + "p"))));
        Arbitrary<Option<Boolean>> audio = optional(Arbitraries.of(true, false));
        Arbitrary<Option<String>> endUser = optional(Arbitraries.strings().ofMaxLength(12));
        Arbitrary<Option<Integer>> generations = optional(Arbitraries.integers().between(1, 8));
        Arbitrary<Option<Long>> seed = optional(Arbitraries.longs());
        Arbitrary<Map<String, Object>> extras = Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(10), values(2))
                .ofMaxSize(4).map(LinkedHashMap::new);
        Arbitrary<VideoOptions> firstHalf = Combinators.combine(model, duration, ratio, resolution, audio)
                .as((m, d, r, res, a) -> new VideoOptions(m, d, r, res, a, Option.none(), Option.none(), Option.none(), Map.of()));
        return Combinators.combine(firstHalf, endUser, generations, seed, extras)
                .as((o, user, count, s, x) -> new VideoOptions(o.model(), o.duration(), o.aspectRatio(), o.resolution(),
                        o.audio(), user, count, s, x));
    }

    /** JSON-compatible values (nested to {@code depth}) and inputs, as extras hold them; nulls included. */
    private Arbitrary<Object> values(int depth) {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(-0.0)
                        .withSpecialValue(Double.POSITIVE_INFINITY).map(d -> (Object) d),
                Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L),
                        BigInteger.valueOf(1_000_000_000_000L)), Arbitraries.integers().between(-5, 12))
                        .as((unscaled, scale) -> (Object) new BigDecimal(unscaled, scale)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(30)).map(b -> (Object) b),
                Arbitraries.just(null),
                sources().map(s -> (Object) s));
        if (depth == 0) {
            return scalars;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars),
                net.jqwik.api.Tuple.of(1, values(depth - 1).list().ofMaxSize(3).map(list -> (Object) list)),
                net.jqwik.api.Tuple.of(1, Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), values(depth - 1)).ofMaxSize(3)
                        .map(map -> (Object) new LinkedHashMap<>(map))));
    }

    private Arbitrary<MediaSource> sources() {
        Arbitrary<MediaSource> urls = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("-_.~/").ofMinLength(1).ofMaxLength(30)
                        .map(path -> MediaSource.url("https://example.com/" + path + "?sig=" + path.length())),
                Arbitraries.strings().withCharRange('A', 'Z').withChars("+/=").ofMaxLength(24)
                        .map(data -> MediaSource.url("data:image/png;base64," + data)));
        Arbitrary<MediaSource> localFiles = Arbitraries.of(files).map(MediaSource::file);
        Arbitrary<MediaSource> results = previousResults().map(result -> result);
        return Arbitraries.oneOf(urls, localFiles, results);
    }

    private Arbitrary<MediaSource.PreviousResult> previousResults() {
        Arbitrary<JobId> ids = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20)).as(JobId::of);
        return ids.flatMap(id -> optional(video(id)).map(video -> new MediaSource.PreviousResult(id, video)));
    }

    private static Arbitrary<GeneratedVideo> video(JobId id) {
        Arbitrary<Option<Duration>> length = optional(Arbitraries.longs().between(0, 60_000_000_000L).map(Duration::ofNanos));
        Arbitrary<Option<Instant>> expiry = optional(Arbitraries.longs().between(-2_000_000_000L, 7_000_000_000L)
                .tuple2().map(t -> Instant.ofEpochSecond(t.get1(), Math.floorMod(t.get2(), 1_000_000_000L))));
        Arbitrary<Option<BigDecimal>> cost = optional(Combinators.combine(Arbitraries.longs().between(0, 10_000_000L),
                Arbitraries.integers().between(-2, 8)).as(BigDecimal::valueOf));
        Arbitrary<Map<String, String>> details = Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(12)).ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(MediaType.values()), length, expiry, cost, details)
                .as((type, d, e, c, x) -> new GeneratedVideo(id, URI.create("https://results.example.com/" + id.provider() + "/v.mp4"),
                        type, d, e, c, x));
    }

    private static <T> Arbitrary<Option<T>> optional(Arbitrary<T> values) {
        return Arbitraries.oneOf(Arbitraries.just(Option.<T>none()), values.map(Option::some));
    }
}
