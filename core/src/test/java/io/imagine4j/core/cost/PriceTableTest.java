package io.imagine4j.core.cost;

import io.imagine4j.core.model.CapabilityCheck;
import io.imagine4j.core.model.CheckedRequest;
import io.imagine4j.core.model.GeneratedVideo;
import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Resolution;
import io.imagine4j.core.model.SampleCapabilities;
import io.imagine4j.core.model.VideoRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTest {

    static final LocalDate READ = LocalDate.of(2026, 11, 1);
    final PriceTable table = PriceTable.of(
            Price.perSecond("sample", "video", new BigDecimal("0.05"), READ, "family price"),
            Price.perSecond("sample", "video-1", new BigDecimal("0.07"), READ, "the guide"),
            Price.perSecond("sample", "video-1", new BigDecimal("0.10"), READ, "the guide, 720p").at(Resolution.P720));

    static CheckedRequest checked(VideoRequest request) {
        return CapabilityCheck.require(request, SampleCapabilities.xaiLike());
    }

    @Test
    void the_most_specific_price_wins() {
        assertThat(table.find("sample", "video-1", io.vavr.control.Option.none()).get().usdPerSecond()).isEqualByComparingTo("0.07");
        assertThat(table.find("sample", "video-1", io.vavr.control.Option.some(Resolution.P720)).get().usdPerSecond())
                .isEqualByComparingTo("0.10");
        assertThat(table.find("sample", "video-1-preview", io.vavr.control.Option.none()).get().usdPerSecond())
                .as("a discovered model of the family").isEqualByComparingTo("0.07");
        assertThat(table.find("sample", "video-text", io.vavr.control.Option.none()).get().usdPerSecond())
                .as("the longest prefix").isEqualByComparingTo("0.05");
        assertThat(table.find("other", "video-1", io.vavr.control.Option.none())).isEmpty();
    }

    @Test
    void an_estimate_is_seconds_times_generations_times_price_and_says_where_the_price_comes_from() {
        CostEstimate estimate = table.estimate("sample", checked(VideoRequest.textToVideo("A fox")
                .with(o -> o.withDurationSeconds(6).withGenerations(2)))).get();
        assertThat(estimate.usd()).isEqualByComparingTo("0.84");
        assertThat(estimate.toString()).isEqualTo("$0.84 for 2 × 6 s at $0.07/s for sample video-1 (as of 2026-11-01, the guide)");
        assertThat(table.estimate("sample", checked(VideoRequest.textToVideo("A fox"))).get().perVideo())
                .as("the model's documented default length").isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void an_edit_costs_its_inputs_length_where_known_and_cannot_be_told_otherwise() {
        GeneratedVideo five = GeneratedVideo.at(JobId.of("sample", "a"), URI.create("https://x.example/a.mp4"))
                .withDuration(Duration.ofSeconds(5));
        assertThat(table.estimate("sample", checked(VideoRequest.edit("Snow", MediaSource.of(five)))).get().usd())
                .isEqualByComparingTo("0.35");
        assertThat(table.estimate("sample", checked(VideoRequest.edit("Snow", MediaSource.url("https://x.example/b.mp4")))).getLeft())
                .contains("is not known before the provider reads it");
        assertThat(PriceTable.empty().estimate("sample", checked(VideoRequest.textToVideo("A fox"))).getLeft())
                .contains("no price is known for sample model video-1");
    }

    @Test
    void a_later_table_overrides_entry_by_entry() {
        PriceTable mine = PriceTable.of(Price.perSecond("sample", "video-1", new BigDecimal("0.06"), READ, "my contract"));
        PriceTable merged = table.overriddenBy(mine);
        assertThat(merged.find("sample", "video-1", io.vavr.control.Option.none()).get().source()).isEqualTo("my contract");
        assertThat(merged.prices()).hasSize(3);
    }
}
