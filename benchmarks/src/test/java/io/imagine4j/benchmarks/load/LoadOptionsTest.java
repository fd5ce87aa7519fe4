package io.imagine4j.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadOptionsTest {

    @Test
    void defaultsAreTwoThousandFiveSecondJobsOnFourThreads() {
        LoadOptions options = LoadOptions.parse();

        assertThat(options).isEqualTo(
                new LoadOptions(2_000, Duration.ofSeconds(5), 4, LoadOptions.DEFAULT_WARMUP, false, false));
        assertThat(options.directive()).isEqualTo("#sim:time=5000ms");
    }

    @Test
    void theVirtualRunHasItsOwnDefaults() {
        assertThat(LoadOptions.parse("--virtual")).isEqualTo(
                new LoadOptions(LoadOptions.DEFAULT_VIRTUAL_JOBS, Duration.ofSeconds(5), 4, LoadOptions.DEFAULT_VIRTUAL_WARMUP,
                        false, true));
    }

    @Test
    void readsEveryOption() {
        assertThat(LoadOptions.parse("--jobs", "10_000", "--job-time", "1.5s", "--threads", "8", "--warmup", "0", "--download"))
                .isEqualTo(new LoadOptions(10_000, Duration.ofMillis(1500), 8, 0, true, false));
    }

    @Test
    void readsDurationsLikeTheSimulator() {
        assertThat(LoadOptions.duration("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(LoadOptions.duration("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(LoadOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> LoadOptions.duration("soon")).hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void refusesWhatCannotRun() {
        assertThatThrownBy(() -> LoadOptions.parse("--jobs", "0")).hasMessageContaining("--jobs must be at least 1");
        assertThatThrownBy(() -> LoadOptions.parse("--virtual", "--download")).hasMessageContaining("needs real HTTP");
        assertThatThrownBy(() -> LoadOptions.parse("--jobs")).hasMessageContaining("--jobs needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("--fast")).hasMessageContaining("unknown option '--fast'");
    }
}
