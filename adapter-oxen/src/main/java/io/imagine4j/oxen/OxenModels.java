package io.imagine4j.oxen;

import io.imagine4j.core.cost.Price;
import io.imagine4j.core.cost.PriceTable;
import io.imagine4j.core.job.FailureKind;
import io.imagine4j.core.job.JobFailure;
import io.imagine4j.core.model.ModelInfo;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.oxen.wire.ModelBody;
import io.imagine4j.oxen.wire.OxenApi;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hub's video models, from {@code GET /ai/models}: each as a {@link ModelInfo} with the kinds
 * and limits its declared inputs and {@code request_schema} give ({@link SchemaLimits}), its
 * schema kept for the request rule, and its {@code pricing} kept as dated prices. Chat and image
 * models of the same list are left out.
 */
final class OxenModels {

    /** Where the prices come from. Oxen's pricing page lists no Grok Imagine price, so the models' own figures are the source. */
    static final String PRICE_SOURCE = "Oxen GET /api/ai/models, pricing.cost_per_second(_by_resolution)";

    private final OxenApi api;
    private final ApiCall calls;
    private final ModelSchemas schemas;
    private final boolean uploads;
    private final Clock clock;
    private volatile Option<PriceTable> prices = Option.none();

    OxenModels(OxenApi api, ApiCall calls, ModelSchemas schemas, boolean uploads, Clock clock) {
        this.api = api;
        this.calls = calls;
        this.schemas = schemas;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** The video models the hub lists now. */
    Either<JobFailure, List<ModelInfo>> fetch() {
        return calls.fetch(api::models).flatMap(list -> list.data() == null
                ? Either.left(JobFailure.of(FailureKind.PROTOCOL, "missing_models", "Oxen's model list has no data array."))
                : Either.right(list.data())).map(this::videoModels);
    }

    /**
     * The prices the models list gives, dated the day they were read; the list is fetched for them
     * the first time (and again after a failed fetch, which answers no price).
     */
    PriceTable prices() {
        return prices.getOrElse(() -> fetch().fold(failure -> PriceTable.empty(), ignored -> prices.getOrElse(PriceTable.empty())));
    }

    private List<ModelInfo> videoModels(List<ModelBody> models) {
        List<ModelInfo> found = new ArrayList<>();
        PriceTable table = PriceTable.empty();
        LocalDate today = LocalDate.now(clock);
        for (ModelBody model : models) {
            if (model == null || model.id() == null || !model.makesVideo()) {
                continue;
            }
            schemas.learn(model);
            ModelInfo info = ModelInfo.named(model.id()).withKinds(SchemaLimits.kinds(model));
            info = SchemaLimits.of(model, uploads).map(info::withCapabilities).getOrElse(info);
            if (model.displayName() != null) {
                info = info.withDetail("display_name", model.displayName());
            }
            if (model.description() != null) {
                info = info.withDetail("description", model.description());
            }
            for (Price price : prices(model, today)) {
                table = table.with(price);
                info = info.withDetail(price.resolution().map(r -> "price_" + r).getOrElse("price"),
                        "$" + price.usdPerSecond().toPlainString() + " per output second");
            }
            found.add(info);
        }
        prices = Option.some(table);
        return found;
    }

    private static List<Price> prices(ModelBody model, LocalDate today) {
        List<Price> found = new ArrayList<>();
        ModelBody.Pricing pricing = model.pricing();
        if (pricing == null) {
            return found;
        }
        Option.of(pricing.costPerSecond()).filter(usd -> usd.signum() >= 0)
                .forEach(usd -> found.add(Price.perSecond(OxenCapabilities.PROVIDER, model.id(), usd, today, PRICE_SOURCE)));
        Map<String, BigDecimal> byResolution = pricing.costPerSecondByResolution() == null ? Map.of()
                : pricing.costPerSecondByResolution();
        byResolution.forEach((name, usd) -> Try.of(() -> Resolution.parse(name)).filter(ignored -> usd != null && usd.signum() >= 0)
                .forEach(resolution -> found.add(Price.perSecond(OxenCapabilities.PROVIDER, model.id(), usd, today, PRICE_SOURCE)
                        .at(resolution))));
        return found;
    }
}
