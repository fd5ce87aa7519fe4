package io.imagine4j.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadOptionsTest {

    @Test
    void defaultsAreTwoThousandFiveSecondJobsOnXaiWithBothRawBaselines() {
        LoadOptions options = LoadOptions.parse();

        assertThat(options.mode()).isEqualTo(LoadOptions.Mode.THROUGHPUT);
        assertThat(options.provider()).isEqualTo(Provider.XAI);
        assertThat(options.jobs()).isEqualTo(2_000);
        assertThat(options.jobTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.threads()).isEqualTo(4);
        assertThat(options.warmup()).isEqualTo(LoadOptions.DEFAULT_WARMUP);
        assertThat(options.timeScale()).isEqualTo(1);
        assertThat(options.clients()).containsExactly(ClientKind.DOCS_LOOP, ClientKind.RAW_SCHEDULE, ClientKind.IMAGINE4J);
        assertThat(options.directive()).isEqualTo("#sim:time=5000ms");
    }

    @Test
    void openAiRunsAlsoRunTheOfficialSdk() {
        assertThat(LoadOptions.parse("--provider", "openai").clients())
                .containsExactly(ClientKind.DOCS_LOOP, ClientKind.RAW_SCHEDULE, ClientKind.OPENAI_SDK, ClientKind.IMAGINE4J);
    }

    @Test
    void eachModeHasItsOwnDefaults() {
        LoadOptions virtual = LoadOptions.parse("--virtual");
        assertThat(virtual.jobs()).isEqualTo(LoadOptions.DEFAULT_VIRTUAL_JOBS);
        assertThat(virtual.warmup()).isEqualTo(LoadOptions.DEFAULT_VIRTUAL_WARMUP);

        LoadOptions polling = LoadOptions.parse("--polling");
        assertThat(polling.mode()).isEqualTo(LoadOptions.Mode.POLLING);
        assertThat(polling.jobs()).isEqualTo(LoadOptions.DEFAULT_POLLING_JOBS);
        assertThat(polling.jobTimes()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(120));
        assertThat(polling.timeScale()).isEqualTo(LoadOptions.DEFAULT_POLLING_SCALE);
        assertThat(polling.clients()).containsExactly(ClientKind.DOCS_LOOP, ClientKind.IMAGINE4J);

        LoadOptions download = LoadOptions.parse("--download-size", "1g");
        assertThat(download.mode()).isEqualTo(LoadOptions.Mode.DOWNLOAD);
        assertThat(download.downloadBytes()).isEqualTo(1L << 30);
        assertThat(download.jobs()).isEqualTo(LoadOptions.DEFAULT_DOWNLOAD_ROUNDS);
    }

    @Test
    void readsEveryOption() {
        LoadOptions options = LoadOptions.parse("--provider", "openai", "--jobs", "10_000", "--job-time", "1.5s", "--threads", "8",
                "--warmup", "0", "--download", "--time-scale", "4", "--clients", "b,sdk,imagine4j");

        assertThat(options.jobs()).isEqualTo(10_000);
        assertThat(options.jobTime()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.threads()).isEqualTo(8);
        assertThat(options.warmup()).isZero();
        assertThat(options.download()).isTrue();
        assertThat(options.clients()).isEqualTo(List.of(ClientKind.RAW_SCHEDULE, ClientKind.OPENAI_SDK, ClientKind.IMAGINE4J));
        assertThat(options.realJobTime()).isEqualTo(Duration.ofMillis(375));
        assertThat(options.directive()).isEqualTo("#sim:time=375ms");
    }

    @Test
    void theTimeScaleDividesImagine4jsPollWaitsLikeTheJobs() {
        LoadOptions options = LoadOptions.parse("--time-scale", "10");

        assertThat(options.serviceSettings().pollBackoff().initial()).isEqualTo(Duration.ofMillis(100));
        assertThat(options.serviceSettings().pollBackoff().max()).isEqualTo(Duration.ofMillis(800));
        assertThat(options.serviceSettings().maxPredictedWait()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.serviceSettings().pollBackoff().multiplier()).isEqualTo(1.5);
    }

    @Test
    void readsDurationsAndSizes() {
        assertThat(LoadOptions.duration("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(LoadOptions.duration("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(LoadOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> LoadOptions.duration("soon")).hasMessageContaining("'soon' is not a duration");
        assertThat(LoadOptions.size("1g")).isEqualTo(1L << 30);
        assertThat(LoadOptions.size("1GiB")).isEqualTo(1L << 30);
        assertThat(LoadOptions.size("64k")).isEqualTo(65_536);
        assertThat(LoadOptions.size("1000")).isEqualTo(1_000);
    }

    @Test
    void refusesWhatCannotRun() {
        assertThatThrownBy(() -> LoadOptions.parse("--jobs", "0")).hasMessageContaining("--jobs must be at least 1");
        assertThatThrownBy(() -> LoadOptions.parse("--virtual", "--download")).hasMessageContaining("needs real HTTP");
        assertThatThrownBy(() -> LoadOptions.parse("--virtual", "--polling")).hasMessageContaining("choose one");
        assertThatThrownBy(() -> LoadOptions.parse("--clients", "sdk")).hasMessageContaining("only speaks to --provider openai");
        assertThatThrownBy(() -> LoadOptions.parse("--provider", "acme")).hasMessageContaining("--provider is one of xai, openai, oxen");
        assertThatThrownBy(() -> LoadOptions.parse("--jobs")).hasMessageContaining("--jobs needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("--fast")).hasMessageContaining("unknown option '--fast'");
    }
}
