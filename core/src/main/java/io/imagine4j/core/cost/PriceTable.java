package io.imagine4j.core.cost;

import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.RequestKind;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Comparator;

/**
 * Dated prices per provider, model and resolution, for estimates before a submit. Adapters ship
 * the prices their providers publish; a table given to the service overrides them entry by entry
 * (the later table wins for the same provider, model and resolution).
 *
 * <pre>{@code
 * PriceTable mine = PriceTable.of(Price.perSecond("openai", "sora-2", new BigDecimal("0.10"),
 *         LocalDate.of(2026, 12, 1), "my contract"));
 * Either<String, CostEstimate> estimate = provider.prices().overriddenBy(mine).estimate(checked);
 * }</pre>
 */
public final class PriceTable {

    private static final PriceTable EMPTY = new PriceTable(List.empty());

    private final List<Price> prices;

    private PriceTable(List<Price> prices) {
        this.prices = prices;
    }

    public static PriceTable empty() {
        return EMPTY;
    }

    public static PriceTable of(Price... prices) {
        return new PriceTable(List.of(prices));
    }

    public List<Price> prices() {
        return prices;
    }

    /** This table with {@code price} added, replacing an entry for the same provider, model and resolution. */
    public PriceTable with(Price price) {
        return new PriceTable(prices.filter(p -> !sameEntry(p, price)).append(price));
    }

    /** This table with every entry of {@code other} added over it. */
    public PriceTable overriddenBy(PriceTable other) {
        return other.prices.foldLeft(this, PriceTable::with);
    }

    /**
     * The price for {@code model} of {@code provider} at {@code resolution}: an entry for that
     * resolution beats one for any resolution, and an exact model name beats the longest family
     * prefix ({@code grok-imagine-video-1.5-preview} is priced as {@code grok-imagine-video-1.5}).
     */
    public Option<Price> find(String provider, String model, Option<Resolution> resolution) {
        return Option.ofOptional(prices.toJavaStream()
                .filter(p -> p.provider().equals(provider) && model.startsWith(p.model()))
                .filter(p -> p.resolution().isEmpty() || p.resolution().equals(resolution))
                .max(Comparator.<Price>comparingInt(p -> p.model().length())
                        .thenComparing(p -> p.resolution().isDefined())));
    }

    /**
     * What {@code request} of {@code provider} should cost, or why it cannot be told: no price for
     * its model, or a length not known before the provider reads its input.
     */
    public Either<String, CostEstimate> estimate(String provider, CheckedRequest request) {
        Option<Resolution> resolution = request.request().options().resolution();
        Option<Price> price = find(provider, request.model(), resolution);
        if (price.isEmpty()) {
            return Either.left("no price is known for " + provider + " model " + request.model()
                    + resolution.map(r -> " at " + r).getOrElse("") + "; add one with a PriceTable");
        }
        return seconds(request).map(length -> {
            int generations = request.request().options().generationCount();
            BigDecimal usd = price.get().usdPerSecond()
                    .multiply(BigDecimal.valueOf(length.toMillis()).movePointLeft(3))
                    .multiply(BigDecimal.valueOf(generations))
                    .setScale(2, RoundingMode.HALF_UP);
            return new CostEstimate(usd, length, generations, price.get());
        });
    }

    /** The seconds of video the request makes, per generation. */
    private static Either<String, Duration> seconds(CheckedRequest checked) {
        VideoRequest request = checked.request();
        Option<Duration> asked = request.options().duration()
                .orElse(() -> checked.limits().defaultDuration().map(Duration::ofSeconds));
        if (request.kind() == RequestKind.EDIT || request.kind() == RequestKind.REMIX) {
            // An edit or a remix is as long as its input.
            return inputLength(request.input().get()).toEither(
                    () -> "the length of " + request.input().get().describe() + " is not known before the provider reads it");
        }
        return asked.toEither(() -> "the request names no duration and " + checked.model() + " documents no default");
    }

    private static Option<Duration> inputLength(MediaSource source) {
        if (source instanceof MediaSource.PreviousResult previous) {
            return previous.duration();
        }
        if (source instanceof MediaSource.LocalFile file) {
            return Mp4Header.duration(file.path()).toOption();
        }
        if (source instanceof MediaSource.Bytes bytes) {
            return Mp4Header.duration(bytes.data()).toOption();
        }
        if (source instanceof MediaSource.Url url && url.isDataUri()) {
            return url.dataBytes().flatMap(Mp4Header::duration).toOption();
        }
        return Option.none();
    }

    private static boolean sameEntry(Price a, Price b) {
        return a.provider().equals(b.provider()) && a.model().equals(b.model()) && a.resolution().equals(b.resolution());
    }

    @Override
    public String toString() {
        return "PriceTable" + prices.map(Price::toString).toJavaList();
    }
}
