package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.cost.Budget;
import io.imagine4j.core.service.ServiceSettings;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.spring.autoconfigure.Imagine4jProperties.Polling;
import io.imagine4j.spring.autoconfigure.Imagine4jProperties.Store;
import io.vavr.control.Option;

/** The service's settings from {@code imagine4j.polling.*}, {@code imagine4j.budget.*} and {@code imagine4j.store.*}. */
final class SettingsFromProperties {

    private SettingsFromProperties() {
    }

    static ServiceSettings of(Imagine4jProperties properties) {
        ServiceSettings settings = ServiceSettings.defaults();
        Polling polling = properties.getPolling();
        try {
            settings = settings.withPollBackoff(Backoff.of(polling.getInitialInterval(), polling.getMultiplier(),
                            polling.getMaxInterval(), polling.getJitter()))
                    .withProgressAwarePolling(polling.isProgressAware())
                    .withMaxPredictedWait(polling.getMaxPredictedWait())
                    .withWatchTimeout(polling.getWatchTimeout())
                    .withPushSafetyInterval(polling.getPushSafetyInterval());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("The imagine4j.polling.* properties do not fit together: " + e.getMessage(), e);
        }
        Store store = properties.getStore();
        try {
            settings = settings.withLeaseDuration(store.getLeaseDuration());
            if (store.getTakeoverInterval() != null) {
                settings = settings.withTakeoverEvery(store.getTakeoverInterval());
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("The imagine4j.store.lease-duration and takeover-interval must be positive: "
                    + e.getMessage(), e);
        }
        Imagine4jProperties.Budget budget = properties.getBudget();
        if (budget.getPerSubmit() != null || budget.getTotal() != null) {
            try {
                settings = settings.withBudget(new Budget(Option.of(budget.getPerSubmit()), Option.of(budget.getTotal())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("imagine4j.budget.per-submit and imagine4j.budget.total must not be negative",
                        e);
            }
        }
        return settings;
    }
}
